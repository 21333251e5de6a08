import ical, { type VEvent } from 'node-ical';
import type { DataSource } from 'typeorm';
import { logger } from '@/lib/observability/logger';
import { cancelService } from '@/operations/quotes/cancel-service';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newService, type AccountLogin } from '../support/fixtures';

// docs/api.md, Calendar feed: a secret iCalendar URL of the account's expiries, read by an independent parser.
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;

const URL_QUERY = `query($clients: Boolean) { calendarFeedUrl(includeClients: $clients) }`;
const REGENERATE = `mutation { regenerateCalendarFeed { url userErrors { code } } }`;

async function feedUrl(login: AccountLogin, clients = false): Promise<string> {
  const { body } = await api.gql(URL_QUERY, { clients }, { token: login.token });
  expect(body.errors).toBeUndefined();
  return body.data.calendarFeedUrl;
}

/** The feed as a calendar app fetches it: the URL's path and query against the test server. */
function fetchFeed(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const { pathname, search } = new URL(url);
  return api.raw({ path: `${pathname}${search}`, method: 'GET', headers });
}

async function events(url: string): Promise<VEvent[]> {
  const response = await fetchFeed(url);
  expect(response.status).toBe(200);
  return Object.values(ical.sync.parseICS(await response.text())).filter((entry): entry is VEvent => entry?.type === 'VEVENT');
}

function dayOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

beforeAll(async () => {
  db = await database.db();
  process.env.PORTAL_TODAY = '2026-07-02';
});

describe('the feed', () => {
  it('lists one all-day event per active service expiry, with a reminder, in Italian, the cancelled one marked', async () => {
    const customer = await newAccount(db);
    const first = await newService(db, customer.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const second = await newService(db, customer.account, { productCode: 'BUSINESS', termStartsOn: '2026-03-15', expiresOn: '2027-03-15' });
    const cancelled = await newService(db, customer.account, { productCode: 'PERSONAL15', termStartsOn: '2025-09-30', expiresOn: '2026-09-30' });
    const gone = await newService(db, customer.account, { productCode: 'PERSONAL15', termStartsOn: '2025-05-01', expiresOn: '2026-05-01' });
    await db.query(`UPDATE services SET status = 'DEACTIVATED', deactivated_on = expires_on WHERE id = $1`, [gone.id]);
    await confirmQuote(db, customer.actor, { quoteId: (await cancelService(db, customer.actor, { serviceId: cancelled.id, reason: 'NO_LONGER_NEEDED' })).id });

    const url = await feedUrl(customer);
    expect(url).toMatch(/^https?:\/\/[^/]+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await feedUrl(customer)).toBe(url);
    const response = await fetchFeed(url);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600');

    const listed = await events(url);
    expect(listed.map((event) => [event.uid, dayOf(event.start), event.datetype, event.summary])).toEqual([
      [`service-${cancelled.id}@localhost`, '2026-09-30', 'date', `Scadenza: ${cancelled.domain} — Hosting Personal (disdetto)`],
      [`service-${first.id}@localhost`, '2027-01-01', 'date', `Scadenza: ${first.domain} — Hosting Personal`],
      [`service-${second.id}@localhost`, '2027-03-15', 'date', `Scadenza: ${second.domain} — Hosting Business`],
    ]);
    for (const event of listed) {
      expect(event.start.dateOnly).toBe(true);
      expect((event as VEvent & { alarms: { action: string; trigger: string }[] }).alarms).toEqual([expect.objectContaining({ action: 'DISPLAY', trigger: '-P7D' })]);
    }
  });

  it('moves the event of a renewed service rather than adding one', async () => {
    const customer = await newAccount(db);
    const service = await newService(db, customer.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const url = await feedUrl(customer);
    const before = await events(url);
    await db.query(`UPDATE services SET term_starts_on = '2027-01-01', expires_on = '2028-01-01' WHERE id = $1`, [service.id]);
    const after = await events(url);
    expect(after.map((event) => [event.uid, dayOf(event.start)])).toEqual([[before[0].uid, '2028-01-01']]);
  });

  it("speaks the account's language", async () => {
    const customer = await newAccount(db, { locale: 'en' });
    const service = await newService(db, customer.account, { productCode: 'BUSINESS', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const response = await fetchFeed(await feedUrl(customer));
    const text = await response.text();
    expect(text).toContain('X-WR-CALNAME:Expiries — ');
    const [event] = Object.values(ical.sync.parseICS(text)).filter((entry): entry is VEvent => entry?.type === 'VEVENT');
    expect(event.summary).toBe(`Expiry: ${service.domain} — Hosting Business`);
  });

  it('answers 304 to an unchanged feed and 404 to an unknown address', async () => {
    const customer = await newAccount(db);
    await newService(db, customer.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const url = await feedUrl(customer);
    const etag = (await fetchFeed(url)).headers.get('etag')!;
    expect((await fetchFeed(url, { 'if-none-match': etag })).status).toBe(304);
    expect((await fetchFeed(url.replace(/\/[^/]+\.ics$/, `/${'A'.repeat(43)}.ics`))).status).toBe(404);
    expect((await fetchFeed(url.replace(/\.ics$/, ''))).status).toBe(404);
  });
});

describe('a secret address', () => {
  it('stops working when regenerated; the new one works', async () => {
    const customer = await newAccount(db);
    await newService(db, customer.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const old = await feedUrl(customer);
    const { body } = await api.gql(REGENERATE, {}, { token: customer.token });
    const fresh = body.data.regenerateCalendarFeed.url;
    expect(fresh).not.toBe(old);
    expect(await feedUrl(customer)).toBe(fresh);
    expect((await fetchFeed(old)).status).toBe(404);
    expect(await events(fresh)).toHaveLength(1);
  });

  it('is logged as its route, never as the secret path', async () => {
    const customer = await newAccount(db);
    const url = await feedUrl(customer);
    const secret = /\/([^/]+)\.ics$/.exec(url)![1];
    const info = jest.spyOn(logger(), 'info');
    try {
      await (await fetchFeed(url)).text();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const lines = info.mock.calls.map((call) => JSON.stringify(call));
      expect(lines.filter((line) => line.includes('/api/calendar/'))).toEqual([expect.stringContaining('"path":"/api/calendar/[file]"')]);
      expect(lines.join('\n')).not.toContain(secret);
    } finally {
      info.mockRestore();
    }
  });

  it('is stored as a hash only', async () => {
    const customer = await newAccount(db);
    const secret = /\/([^/]+)\.ics$/.exec(await feedUrl(customer))![1];
    const [row] = await db.query(`SELECT * FROM calendar_feeds WHERE account_id = $1`, [customer.account.id]);
    expect(JSON.stringify(row)).not.toContain(secret);
  });
});

describe("a reseller's clients", () => {
  it('are in the feed that includes them, not in the plain one; another account cannot ask for them', async () => {
    const reseller = await newAccount(db, { kind: 'RESELLER', name: 'Rivenditore Uno' });
    const client = await newAccount(db, { resellerId: reseller.account.id, name: 'Cliente Bianchi' });
    const own = await newService(db, reseller.account, { productCode: 'EASY', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const clients = await newService(db, client.account, { productCode: 'PERSONAL15', termStartsOn: '2026-02-01', expiresOn: '2027-02-01' });
    const plain = await events(await feedUrl(reseller));
    expect(plain.map((event) => event.uid)).toEqual([`service-${own.id}@localhost`]);
    const withClients = await feedUrl(reseller, true);
    expect(withClients).toMatch(/\.ics\?include=clients$/);
    expect((await events(withClients)).map((event) => event.summary)).toEqual([
      `Scadenza: ${own.domain} — Hosting Rivenditori Easy`,
      `Scadenza: ${clients.domain} — Hosting Personal · Cliente Bianchi`,
    ]);
    expect((await events(`${await feedUrl(client)}?include=clients`)).map((event) => event.uid)).toEqual([`service-${clients.id}@localhost`]);
    const refused = await api.gql(URL_QUERY, { clients: true }, { token: client.token });
    expect(refused.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
