import type { DataSource } from 'typeorm';
import { CLIENTS_PAGE_QUERY } from '@/app/area/clienti/query';
import { ORDER_PAGE_QUERY } from '@/app/area/ordini/[code]/query';
import { QUOTE_PAGE_QUERY } from '@/app/area/preventivi/[id]/query';
import { SCHEDULE_PAGE_QUERY } from '@/app/area/scadenziario/query';
import { BENCH_PASSWORD } from './dataset';
import { send, type Reply } from './http-client';
import { load, merge, percentile, type LoadResult } from './load';
import type { BenchServer } from './server';
import { callersFor, type Caller } from './tokens';

export type PageName = 'schedule' | 'clients' | 'order' | 'quote';

/** A portal page and the API query that fetches the same data, for one signed-in user. */
interface PageSubject { name: PageName; path: string; query: string; variables: Record<string, unknown>; email: string; /** An API token of the same user. */ caller: Caller }

const SUBJECTS: Record<PageName, { sql: string; subject: (row: Record<string, string>) => Omit<PageSubject, 'caller' | 'name'> }> = {
  // The direct customer with the most services.
  schedule: {
    sql: `SELECT u.email FROM services s JOIN accounts a ON a.id = s.account_id JOIN users u ON u.account_id = a.id
          WHERE a.kind = 'CUSTOMER' AND a.reseller_id IS NULL GROUP BY u.email ORDER BY count(*) DESC, u.email LIMIT 1`,
    subject: ({ email }) => ({ path: '/area/scadenziario', query: SCHEDULE_PAGE_QUERY, variables: { after: null }, email }),
  },
  // The first reseller, with its 250 clients.
  clients: {
    sql: `SELECT email FROM users WHERE email = 'account1@bench.test'`,
    subject: ({ email }) => ({ path: '/area/clienti', query: CLIENTS_PAGE_QUERY, variables: { search: null, after: null }, email }),
  },
  // A paid order with its invoice.
  order: {
    sql: `SELECT o.code, u.email FROM orders o JOIN invoices i ON i.order_id = o.id JOIN users u ON u.account_id = o.account_id
          WHERE o.status = 'FULFILLED' ORDER BY o.code LIMIT 1`,
    subject: ({ code, email }) => ({ path: `/area/ordini/${code}`, query: ORDER_PAGE_QUERY, variables: { code }, email }),
  },
  // A change's quote still to confirm (made beforehand by `prepareQuotes`).
  quote: {
    sql: `SELECT q.id, u.email FROM quotes q JOIN users u ON u.account_id = q.account_id
          WHERE q.kind = 'SERVICE_CHANGE' AND q.confirmed_at IS NULL ORDER BY q.id LIMIT 1`,
    subject: ({ id, email }) => ({ path: `/area/preventivi/${id}`, query: QUOTE_PAGE_QUERY, variables: { id }, email }),
  },
};

/** The pages people wait on (`names`), each for a user of the dataset with an API token of theirs. */
export async function pageSubjects(db: DataSource, names: PageName[] = ['schedule', 'clients', 'order', 'quote']): Promise<PageSubject[]> {
  return Promise.all(names.map(async (name) => {
    const [row] = await db.query(SUBJECTS[name].sql);
    if (!row) throw new Error(`the dataset has nothing for the ${name} page`);
    const subject = SUBJECTS[name].subject(row);
    return { name, ...subject, caller: (await callersFor(db, [subject.email]))[0] };
  }));
}

/** Signs in through next-auth's credentials callback, as the login form does; the session's cookies. */
async function signIn(url: string, email: string): Promise<string> {
  const csrf = await send(`${url}/api/auth/csrf`);
  const { csrfToken } = JSON.parse(csrf.body);
  const reply = await send(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookies.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, json: 'true' }).toString(),
  });
  const session = reply.cookies.find((cookie) => cookie.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`${email} could not sign in (${reply.status})`);
  return session;
}

export interface PageFigures {
  pagePerSecond: number; apiPerSecond: number; throughputVsApi: number;
  pageP50Ms: number; pageP95Ms: number; apiP50Ms: number; apiP95Ms: number;
  /** CPU time per answer, the server's and PostgreSQL's. */
  pageServerCpuMs: number; apiServerCpuMs: number; pageDatabaseCpuMs: number; apiDatabaseCpuMs: number;
  errors: number;
}

export type PagesLoad = Record<PageName, PageFigures>;

const answered = (reply: Reply) => reply.status === 200;
const withoutErrors = (reply: Reply) => reply.status === 200 && !('errors' in JSON.parse(reply.body));

/**
 * Each page over HTTP at `concurrency` clients, signed in with a real session, against its API query sent
 * with an API token of the same user, alternating in rounds.
 */
export async function pagesUnderLoad(server: BenchServer, subjects: PageSubject[], concurrency: number, rounds: number, secondsPerRound: number, log: (line: string) => void): Promise<PagesLoad> {
  const figures = {} as PagesLoad;
  for (const subject of subjects) {
    const cookie = await signIn(server.url, subject.email);
    const page = () => send(`${server.url}${subject.path}`, { headers: { cookie } });
    const body = JSON.stringify({ query: subject.query, variables: subject.variables });
    const api = () => send(`${server.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'it', authorization: `Bearer ${subject.caller.token}` }, body });
    const [firstPage, firstApi] = [await page(), await api()];
    if (!answered(firstPage) || !withoutErrors(firstApi)) throw new Error(`${subject.path}: page ${firstPage.status}, API ${firstApi.body.slice(0, 300)}`);
    const cpu = { page: { serverMs: 0, databaseMs: 0 }, api: { serverMs: 0, databaseMs: 0 } };
    const results: { page: LoadResult[]; api: LoadResult[] } = { page: [], api: [] };
    const run = async (variant: 'page' | 'api', count: boolean) => {
      const before = server.cpu.sample();
      const result = await load(concurrency, secondsPerRound, async () => (variant === 'page' ? answered(await page()) : withoutErrors(await api())));
      if (!count) return;
      const used = server.cpu.since(before);
      cpu[variant].serverMs += used.serverMs;
      cpu[variant].databaseMs += used.databaseMs;
      results[variant].push(result);
    };
    await run('page', false);
    await run('api', false);
    for (let round = 0; round < rounds; round += 1) {
      await run('page', true);
      await run('api', true);
    }
    const [p, a] = [merge(results.page), merge(results.api)];
    const [pagePerSecond, apiPerSecond] = [p.requests / p.seconds, a.requests / a.seconds];
    figures[subject.name] = {
      pagePerSecond, apiPerSecond, throughputVsApi: pagePerSecond / apiPerSecond,
      pageP50Ms: percentile(p.latenciesMs, 50), pageP95Ms: percentile(p.latenciesMs, 95), apiP50Ms: percentile(a.latenciesMs, 50), apiP95Ms: percentile(a.latenciesMs, 95),
      pageServerCpuMs: cpu.page.serverMs / p.requests, apiServerCpuMs: cpu.api.serverMs / a.requests,
      pageDatabaseCpuMs: cpu.page.databaseMs / p.requests, apiDatabaseCpuMs: cpu.api.databaseMs / a.requests,
      errors: p.errors + a.errors,
    };
    const f = figures[subject.name];
    log(`  ${subject.path}: page ${f.pagePerSecond.toFixed(0)}/s p95 ${f.pageP95Ms.toFixed(1)} ms, CPU ${f.pageServerCpuMs.toFixed(2)} + ${f.pageDatabaseCpuMs.toFixed(2)} ms · API ${f.apiPerSecond.toFixed(0)}/s p95 ${f.apiP95Ms.toFixed(1)} ms, CPU ${f.apiServerCpuMs.toFixed(2)} + ${f.apiDatabaseCpuMs.toFixed(2)} ms · ${f.throughputVsApi.toFixed(2)}×, ${f.errors} errors`);
  }
  return figures;
}
