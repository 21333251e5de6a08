import type { Locale } from './money';

/** The calendar feed's reminder: this many days before each expiry (as the email reminder of the same offset). */
export const FEED_ALARM_DAYS = 7;

export interface FeedExpiry {
  domain: string;
  productName: string;
  /** A confirmed cancellation: the service ends on that day and will not be renewed. */
  cancelled: boolean;
  /** The client's name when the service is a reseller's client's; null for the account's own. */
  clientName: string | null;
}

const TEXTS = {
  it: { calendar: 'Scadenze', expiry: 'Scadenza', cancelled: 'disdetto', cancelledNote: 'Il servizio è disdetto: verrà disattivato alla scadenza.', renewNote: 'Rinnova dal pannello prima della scadenza.', alarm: 'Scade tra 7 giorni' },
  en: { calendar: 'Expiries', expiry: 'Expiry', cancelled: 'cancelled', cancelledNote: 'The service is cancelled: it will be deactivated on this day.', renewNote: 'Renew it from the panel before it expires.', alarm: 'Expires in 7 days' },
} satisfies Record<Locale, Record<string, string>>;

/** The calendar's name: "Scadenze — Rossi Srl". */
export function feedName(locale: Locale, accountName: string): string {
  return `${TEXTS[locale].calendar} — ${accountName}`;
}

/** What one expiry's event says, in the account's language: summary (domain, product, client, cancelled), description, alarm. */
export function expiryEventTexts(locale: Locale, expiry: FeedExpiry): { summary: string; description: string; alarm: string } {
  const text = TEXTS[locale];
  const client = expiry.clientName ? ` · ${expiry.clientName}` : '';
  const cancelled = expiry.cancelled ? ` (${text.cancelled})` : '';
  return {
    summary: `${text.expiry}: ${expiry.domain} — ${expiry.productName}${client}${cancelled}`,
    description: expiry.cancelled ? text.cancelledNote : text.renewNote,
    alarm: `${text.alarm}: ${expiry.domain}`,
  };
}
