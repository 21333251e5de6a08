import type { DataSource } from 'typeorm';
import { requestServiceChange } from '@/operations/quotes/request-service-change';
import { send } from './http-client';
import { inParallel } from './load';
import type { BenchServer } from './server';
import type { Caller } from './tokens';

interface Pending { caller: Caller; quoteId: string }

/** One priced quote per active service of the customers, made in-process before the clock starts. */
export async function prepareQuotes(db: DataSource, customers: Caller[], today: string): Promise<Pending[]> {
  const pending: Pending[] = [];
  const targets = await Promise.all(customers.map(async (caller) => ({
    caller,
    services: await db.query(
      `SELECT s.id, p.code FROM services s JOIN products p ON p.id = s.product_id
       WHERE s.account_id = $1 AND s.status = 'ACTIVE' AND s.expires_on > $2::date + 1`, [caller.actor.accountId, today]) as { id: string; code: string }[],
  })));
  const jobs = targets.flatMap(({ caller, services }) => services.map((service) => ({ caller, service })));
  await inParallel(jobs, 8, async ({ caller, service }) => {
    const quote = await requestServiceChange(db, caller.actor, { serviceId: service.id, targetProductCode: service.code === 'DED-S' ? 'CLOUD-M' : 'DED-S' });
    pending.push({ caller, quoteId: quote.id });
  });
  // Settle the writes first, so no vacuum or checkpoint of them runs while confirmations are timed.
  await db.query('VACUUM ANALYZE quotes');
  await db.query('CHECKPOINT');
  return pending;
}

export interface ConfirmBench { confirmed: number; errors: number; seconds: number; perSecond: number; /** server and PostgreSQL CPU per confirmation */ cpuMs: number; databaseCpuMs: number }
export interface AgainstRawSql { graphql: ConfirmBench; raw: ConfirmBench; ratio: number }

type Attempt<T> = (url: string, item: T) => Promise<boolean>;

/**
 * `items` sent to the portal's GraphQL route and to the baseline's raw-SQL route alternately, a quarter at a
 * time (GraphQL, raw, GraphQL, raw), so the machine's phases fall on both; `queues` splits a quarter among
 * the `concurrency` clients. The first `warmUp` items warm each server up untimed.
 */
async function againstRawSql<T>(
  servers: { graphql: BenchServer; raw: BenchServer }, items: T[], warmUp: number,
  queues: (items: T[]) => T[][], attempts: { graphql: Attempt<T>; raw: Attempt<T> },
): Promise<AgainstRawSql> {
  const measured = { graphql: [] as ConfirmBench[], raw: [] as ConfirmBench[] };
  const [warmGraphql, warmRaw, rest] = [items.slice(0, warmUp), items.slice(warmUp, 2 * warmUp), items.slice(2 * warmUp)];
  await runQueues(servers.graphql.url, queues(warmGraphql), attempts.graphql);
  await runQueues(servers.raw.url, queues(warmRaw), attempts.raw);
  const quarter = Math.ceil(rest.length / 4);
  for (let i = 0; i < 4; i += 1) {
    const variant = i % 2 === 0 ? 'graphql' : 'raw';
    const server = servers[variant];
    const before = server.cpu.sample();
    const done = await runQueues(server.url, queues(rest.slice(i * quarter, (i + 1) * quarter)), attempts[variant]);
    const used = server.cpu.since(before);
    measured[variant].push({ ...done, cpuMs: used.serverMs / done.confirmed, databaseCpuMs: used.databaseMs / done.confirmed });
  }
  const [graphql, raw] = [combined(measured.graphql), combined(measured.raw)];
  return { graphql, raw, ratio: graphql.perSecond / raw.perSecond };
}

function combined(parts: ConfirmBench[]): ConfirmBench {
  const sum = (pick: (part: ConfirmBench) => number) => parts.reduce((total, part) => total + pick(part), 0);
  const [confirmed, seconds] = [sum((p) => p.confirmed), sum((p) => p.seconds)];
  return {
    confirmed, errors: sum((p) => p.errors), seconds, perSecond: confirmed / seconds,
    cpuMs: sum((p) => p.cpuMs * p.confirmed) / confirmed, databaseCpuMs: sum((p) => p.databaseCpuMs * p.confirmed) / confirmed,
  };
}

async function runQueues<T>(url: string, queues: T[][], attempt: Attempt<T>): Promise<Omit<ConfirmBench, 'cpuMs' | 'databaseCpuMs'>> {
  let confirmed = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(queues.map(async (queue) => {
    for (const item of queue) {
      if (await attempt(url, item).catch(() => false)) confirmed += 1;
      else errors += 1;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return { confirmed, errors, seconds, perSecond: confirmed / seconds };
}

const post = (url: string, token: string, body: object) => send(url, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
}).then((reply) => (reply.status === 200 ? JSON.parse(reply.body).data : null));

const CONFIRM = 'mutation($id: ID!) { confirmQuote(input: { quoteId: $id, paymentMethod: BANK_TRANSFER }) { order { code } userErrors { code } } }';

/**
 * `concurrency` customers confirming their quotes as fast as the servers answer, through `confirmQuote` and
 * through the baseline's raw-SQL transaction; each customer's quotes one after another, by one client.
 */
export function confirmAgainstRawSql(servers: { graphql: BenchServer; raw: BenchServer }, pending: Pending[], concurrency: number, warmUp: number): Promise<AgainstRawSql> {
  const byCustomer = (items: Pending[]) => {
    const customers = [...new Set(items.map((p) => p.caller))];
    return Array.from({ length: concurrency }, (_, worker) => items.filter((p) => customers.indexOf(p.caller) % concurrency === worker));
  };
  return againstRawSql(servers, pending, warmUp, byCustomer, {
    graphql: async (url, { caller, quoteId }) => Boolean((await post(`${url}/api/graphql`, caller.token, { query: CONFIRM, variables: { id: quoteId } }))?.confirmQuote?.order?.code),
    raw: async (url, { caller, quoteId }) => Boolean((await post(`${url}/confirm`, caller.token, { quoteId, paymentMethod: 'BANK_TRANSFER' }))?.confirmQuote?.order?.code),
  });
}

interface Payable { code: string; totalCents: number }

const RECORD = 'mutation($input: RecordOfflinePaymentInput!) { recordOfflinePayment(input: $input) { invoice { number } userErrors { code } } }';

/**
 * The back office recording the bank transfers of every order awaiting payment (the confirmations' orders),
 * `concurrency` at a time, through `recordOfflinePayment` and through the baseline's raw-SQL transaction.
 */
export async function paymentsAgainstRawSql(servers: { graphql: BenchServer; raw: BenchServer }, db: DataSource, admin: Caller, concurrency: number, warmUp: number): Promise<AgainstRawSql> {
  const payable: Payable[] = await db.query(`SELECT code, total_cents::int AS "totalCents" FROM orders WHERE status = 'AWAITING_PAYMENT' ORDER BY code`);
  const shared = (items: Payable[]) => Array.from({ length: concurrency }, (_, worker) => items.filter((_, i) => i % concurrency === worker));
  const input = ({ code, totalCents }: Payable) => ({ orderCode: code, amountCents: totalCents, reference: `CRO-${code}` });
  return againstRawSql(servers, payable, warmUp, shared, {
    graphql: async (url, order) => Boolean((await post(`${url}/api/graphql`, admin.token, { query: RECORD, variables: { input: input(order) } }))?.recordOfflinePayment?.invoice?.number),
    raw: async (url, order) => Boolean((await post(`${url}/pay`, admin.token, input(order)))?.recordOfflinePayment?.invoice?.number),
  });
}

/** Whether the year's invoice numbers (credit notes share them) run to the counter's value without a gap or a repeat. */
export async function invoiceNumbersContiguous(db: DataSource, year: number): Promise<boolean> {
  const [row] = await db.query(`
    SELECT count(*)::int AS count, count(DISTINCT number)::int AS distinct, min(number) AS first, max(number) AS last,
           (SELECT last_value FROM document_counters WHERE series = 'INVOICE' AND year = $1) AS counter
    FROM invoices WHERE year = $1`, [year]);
  return row.count > 0 && row.count === row.distinct && row.last - row.first + 1 === row.count && row.last === row.counter;
}
