import ical, { ICalAlarmType } from 'ical-generator';
import type { DataSource } from 'typeorm';
import { addDays, type CalendarDate } from '@/domain/calendar';
import { expiryEventTexts, FEED_ALARM_DAYS, feedName } from '@/domain/expiry-calendar';
import type { Locale } from '@/domain/money';
import { portalUrl } from '@/lib/config';
import { feedSecretHash } from './feed-secret';

interface FeedOwner { accountId: string; name: string; locale: Locale; isReseller: boolean }

interface ExpiryRow { serviceId: string; domain: string; expiresOn: CalendarDate; productName: string; cancelled: boolean; clientName: string | null }

const OWNER = `SELECT a.id AS "accountId", a.name, a.locale, a.kind = 'RESELLER' AS "isReseller"
  FROM "calendar_feeds" f JOIN "accounts" a ON a.id = f.account_id WHERE f.secret_hash = $1`;

// Active services of the account (and, when $2, of its clients), with whether a cancellation is confirmed.
const EXPIRIES = `
  SELECT s.id AS "serviceId", s.domain, to_char(s.expires_on, 'YYYY-MM-DD') AS "expiresOn", p.name AS "productName",
         EXISTS (SELECT 1 FROM "cancellations" c WHERE c.service_id = s.id AND c.status = 'CONFIRMED') AS cancelled,
         CASE WHEN s.account_id <> $1 THEN a.name END AS "clientName"
  FROM "services" s JOIN "products" p ON p.id = s.product_id JOIN "accounts" a ON a.id = s.account_id
  WHERE s.status = 'ACTIVE' AND (s.account_id = $1 OR ($2 AND a.reseller_id = $1))
  ORDER BY s.expires_on, s.domain, s.id`;

function utcMidnight(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The iCalendar file of the feed whose URL carries `secret`, or null when no feed has it. One all-day event per
 * active service's expiry, with a display alarm FEED_ALARM_DAYS before, in the account's language. The event's
 * UID names the service, so a renewal moves the event rather than adding one. `includeClients` adds a
 * reseller's clients' services.
 */
export async function expiryFeed(db: DataSource, secret: string, includeClients: boolean): Promise<string | null> {
  const [owner]: FeedOwner[] = await db.query(OWNER, [feedSecretHash(secret)]);
  if (!owner) return null;
  const expiries: ExpiryRow[] = await db.query(EXPIRIES, [owner.accountId, includeClients && owner.isReseller]);
  const host = new URL(portalUrl()).hostname;
  const calendar = ical({ name: feedName(owner.locale, owner.name), prodId: { company: 'Pannello Clienti', product: 'Scadenze', language: owner.locale.toUpperCase() }, ttl: 3600 });
  for (const expiry of expiries) {
    const texts = expiryEventTexts(owner.locale, expiry);
    calendar.createEvent({
      id: `service-${expiry.serviceId}@${host}`,
      start: utcMidnight(expiry.expiresOn),
      end: utcMidnight(addDays(expiry.expiresOn, 1)),
      allDay: true,
      summary: texts.summary,
      description: texts.description,
      url: portalUrl('/area/scadenziario'),
    }).createAlarm({ type: ICalAlarmType.display, trigger: FEED_ALARM_DAYS * 86_400, description: texts.alarm });
  }
  return calendar.toString();
}
