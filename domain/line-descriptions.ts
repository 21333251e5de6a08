import type { CalendarDate } from './calendar';
import { formatDate } from './dates-format';
import type { Locale } from './money';

const ACTIONS = { RENEWAL: ['Rinnovo', 'Renewal of'], ACTIVATION: ['Attivazione', 'Activation of'] } as const;

/** The text of an order or invoice line for a term of a service, in the billed account's language. */
export function termLine(action: keyof typeof ACTIONS, productCode: string, domain: string, from: CalendarDate, to: CalendarDate, locale: Locale): string {
  const period = `${formatDate(from, locale)} – ${formatDate(to, locale)}`;
  const [it, en] = ACTIONS[action];
  return locale === 'it' ? `${it} ${productCode} per ${domain} (${period})` : `${en} ${productCode} for ${domain} (${period})`;
}
