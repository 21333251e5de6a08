import type { CalendarDate } from './calendar';
import { formatDate } from './dates-format';
import type { Locale } from './money';

/** Order and invoice line texts, in the billed account's language. */
export function renewalLine(productCode: string, domain: string, from: CalendarDate, to: CalendarDate, locale: Locale): string {
  const period = `${formatDate(from, locale)} – ${formatDate(to, locale)}`;
  return locale === 'it' ? `Rinnovo ${productCode} per ${domain} (${period})` : `Renewal of ${productCode} for ${domain} (${period})`;
}

export function activationLine(productCode: string, domain: string, from: CalendarDate, to: CalendarDate, locale: Locale): string {
  const period = `${formatDate(from, locale)} – ${formatDate(to, locale)}`;
  return locale === 'it' ? `Attivazione ${productCode} per ${domain} (${period})` : `Activation of ${productCode} for ${domain} (${period})`;
}
