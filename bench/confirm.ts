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

/**
 * `concurrency` customers confirming their quotes over HTTP as fast as the server answers; the first
 * `warmUp` confirmations are not timed (the server's code is compiled by then, as in production).
 */
export async function confirmUnderLoad(server: BenchServer, all: Pending[], concurrency: number, warmUp: number): Promise<ConfirmBench> {
  await confirmEach(server.url, all.slice(0, warmUp), concurrency);
  const before = server.cpu.sample();
  const measured = await confirmEach(server.url, all.slice(warmUp), concurrency);
  const used = server.cpu.since(before);
  return { ...measured, cpuMs: used.serverMs / measured.confirmed, databaseCpuMs: used.databaseMs / measured.confirmed };
}

async function confirmEach(url: string, pending: Pending[], concurrency: number): Promise<Omit<ConfirmBench, 'cpuMs' | 'databaseCpuMs'>> {
  const customers = [...new Set(pending.map((p) => p.caller))];
  const byWorker = Array.from({ length: concurrency }, (_, worker) =>
    pending.filter((p) => customers.indexOf(p.caller) % concurrency === worker));
  let confirmed = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(byWorker.map(async (queue) => {
    for (const { caller, quoteId } of queue) {
      const reply = await send(`${url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.token}` },
        body: JSON.stringify({ query: 'mutation($id: ID!) { confirmQuote(input: { quoteId: $id, paymentMethod: BANK_TRANSFER }) { order { code } userErrors { code } } }', variables: { id: quoteId } }),
      }).catch(() => null);
      const body = reply?.status === 200 ? JSON.parse(reply.body) : null;
      if (body?.data?.confirmQuote?.order?.code) confirmed += 1;
      else errors += 1;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return { confirmed, errors, seconds, perSecond: confirmed / seconds };
}
