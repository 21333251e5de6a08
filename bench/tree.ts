import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { handleGraphQLRequest } from '@/graphql/http';
import { load, merge, percentile, type LoadResult } from './load';
import { send } from './http-client';
import type { BenchServer } from './server';
import type { Caller } from './tokens';
import { describeTail, tailOf, type Tail } from './tail';
import { assertSameAsPortal, postgraphileTreePage } from './peer/postgraphile-tree';

export const TREE_QUERY = `query Tree { clients(first: 50) { edges { cursor node { id name email domains { name services { id status expiresOn product { code } } } } } pageInfo { hasNextPage endCursor } } }`;

/** The tree page from the GraphQL route handler called in this process (no HTTP). */
export function treePageInProcess(caller: Caller, query = TREE_QUERY): Promise<Response> {
  return handleGraphQLRequest(new Request('http://bench/api/graphql', {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.token}` }, body: JSON.stringify({ query }),
  }));
}

/** Every statement the GraphQL handler sends to PostgreSQL for one tree page, authentication included. */
export async function statementsPerTreePage(caller: Caller): Promise<number> {
  const request = () => treePageInProcess(caller);
  await request();
  const original = pg.Client.prototype.query;
  let statements = 0;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    const response = await request();
    const body = await response.json();
    if (body.data?.clients.edges.length !== 50) throw new Error(`unexpected tree page: ${JSON.stringify(body).slice(0, 300)}`);
  } finally {
    pg.Client.prototype.query = original;
  }
  return statements;
}

const TREE_BODY = JSON.stringify({ query: TREE_QUERY });
const graphql = (url: string, caller: Caller) => send(`${url}/api/graphql`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.token}` }, body: TREE_BODY,
});
const raw = (url: string, caller: Caller) => send(`${url}/clients`, { headers: { authorization: `Bearer ${caller.token}` } });
const REQUESTS = { graphql, raw, postgraphile: postgraphileTreePage };
type Variant = keyof typeof REQUESTS;

/** The portal's GraphQL route (at `graphqlUrl`) and the baseline's (at `rawUrl`) answer the caller's tree page with the same data. */
export async function assertSameTreePage(graphqlUrl: string, rawUrl: string, caller: Caller): Promise<void> {
  const [fromGraphql, fromRaw] = await Promise.all([graphql(graphqlUrl, caller), raw(rawUrl, caller)]).then((replies) => replies.map((reply) => JSON.parse(reply.body)));
  // The data, and no errors: `extensions` (the caller's rate-limit budget) is the portal's alone.
  if (!isDeepStrictEqual([fromGraphql.data, fromGraphql.errors], [fromRaw.data, fromRaw.errors])) throw new Error('the raw-SQL route does not answer the same JSON as GraphQL');
}

export interface RoundFigures { graphqlPerSecond: number; graphqlP95Ms: number; rawPerSecond: number; rawP95Ms: number; postgraphilePerSecond: number; postgraphileP95Ms: number }

function roundFigures(graphql: LoadResult, raw: LoadResult, peer: LoadResult): RoundFigures {
  return {
    graphqlPerSecond: graphql.requests / graphql.seconds, graphqlP95Ms: percentile(graphql.latenciesMs, 95),
    rawPerSecond: raw.requests / raw.seconds, rawP95Ms: percentile(raw.latenciesMs, 95),
    postgraphilePerSecond: peer.requests / peer.seconds, postgraphileP95Ms: percentile(peer.latenciesMs, 95),
  };
}

export interface TreeLoad {
  graphql: LoadResult; raw: LoadResult; postgraphile: LoadResult;
  p50Ms: number; p95Ms: number; rawP50Ms: number; rawP95Ms: number; postgraphileP50Ms: number; postgraphileP95Ms: number;
  throughputRatio: number; throughputVsPostgraphile: number;
  /** The server's CPU time per answered request, steadier than throughput on a machine shared with the load. */
  graphqlCpuMs: number; rawCpuMs: number; postgraphileCpuMs: number;
  /** PostgreSQL's CPU time per answered request. */
  graphqlDatabaseCpuMs: number; rawDatabaseCpuMs: number; postgraphileDatabaseCpuMs: number;
  /** Each round's figures: how far they move with the machine. */
  rounds: RoundFigures[];
  /** The slowest 5% of pages against the fastest half: answers that went by while they waited, and how fast. */
  tail: { graphql: Tail; raw: Tail };
  /** p50 and p95 with a single client: the time a page takes when it does not queue behind others. */
  alone: { p50Ms: number; p95Ms: number; rawP50Ms: number; rawP95Ms: number };
}

const perSecond = (result: LoadResult) => result.requests / result.seconds;

/**
 * The tree page over HTTP at `concurrency` clients: the portal's GraphQL route, the baseline's raw-SQL route
 * and PostGraphile alternating in rounds so the machine's noise falls on all three; each request is for a
 * random reseller. The CPU time per page is each server's own.
 */
export async function treeUnderLoad(servers: Record<Variant, BenchServer>, resellers: Caller[], concurrency: number, rounds: number, secondsPerRound: number, log: (line: string) => void): Promise<TreeLoad> {
  await assertSameTreePage(servers.graphql.url, servers.raw.url, resellers[0]);
  assertSameAsPortal(await postgraphileTreePage(servers.postgraphile.url, resellers[0]), await graphql(servers.graphql.url, resellers[0]));
  const pick = () => resellers[Math.floor(Math.random() * resellers.length)];
  const cpu = { graphql: { serverMs: 0, databaseMs: 0 }, raw: { serverMs: 0, databaseMs: 0 }, postgraphile: { serverMs: 0, databaseMs: 0 } };
  const run = async (variant: Variant, count = true, clients = concurrency) => {
    const server = servers[variant];
    const before = server.cpu.sample();
    const result = await load(clients, secondsPerRound, async () => (await REQUESTS[variant](server.url, pick())).status === 200);
    if (count) {
      const used = server.cpu.since(before);
      cpu[variant].serverMs += used.serverMs;
      cpu[variant].databaseMs += used.databaseMs;
    }
    return result;
  };
  const variants: Variant[] = ['graphql', 'raw', 'postgraphile'];
  for (const variant of variants) await run(variant, false);
  const results: Record<Variant, LoadResult[]> = { graphql: [], raw: [], postgraphile: [] };
  for (let round = 1; round <= rounds; round += 1) {
    for (const variant of variants) results[variant].push(await run(variant));
    const f = roundFigures(results.graphql.at(-1)!, results.raw.at(-1)!, results.postgraphile.at(-1)!);
    log(`  round ${round}/${rounds}: GraphQL ${f.graphqlPerSecond.toFixed(0)} req/s p95 ${f.graphqlP95Ms.toFixed(1)} ms · raw SQL ${f.rawPerSecond.toFixed(0)} req/s p95 ${f.rawP95Ms.toFixed(1)} ms · PostGraphile ${f.postgraphilePerSecond.toFixed(0)} req/s p95 ${f.postgraphileP95Ms.toFixed(1)} ms`);
  }
  const [g, r, p] = [merge(results.graphql), merge(results.raw), merge(results.postgraphile)];
  const perRequest = {
    graphqlCpuMs: cpu.graphql.serverMs / g.requests, rawCpuMs: cpu.raw.serverMs / r.requests, postgraphileCpuMs: cpu.postgraphile.serverMs / p.requests,
    graphqlDatabaseCpuMs: cpu.graphql.databaseMs / g.requests, rawDatabaseCpuMs: cpu.raw.databaseMs / r.requests, postgraphileDatabaseCpuMs: cpu.postgraphile.databaseMs / p.requests,
  };
  log(`  CPU per request: server GraphQL ${perRequest.graphqlCpuMs.toFixed(2)} ms · raw SQL ${perRequest.rawCpuMs.toFixed(2)} ms · PostGraphile ${perRequest.postgraphileCpuMs.toFixed(2)} ms; PostgreSQL GraphQL ${perRequest.graphqlDatabaseCpuMs.toFixed(2)} ms · raw SQL ${perRequest.rawDatabaseCpuMs.toFixed(2)} ms · PostGraphile ${perRequest.postgraphileDatabaseCpuMs.toFixed(2)} ms`);
  const tail = { graphql: tailOf(g), raw: tailOf(r) };
  log(`  GraphQL: ${describeTail(tail.graphql)} · raw SQL: ${describeTail(tail.raw)}`);
  const [aloneG, aloneR] = [await run('graphql', false, 1), await run('raw', false, 1)];
  const alone = {
    p50Ms: percentile(aloneG.latenciesMs, 50), p95Ms: percentile(aloneG.latenciesMs, 95),
    rawP50Ms: percentile(aloneR.latenciesMs, 50), rawP95Ms: percentile(aloneR.latenciesMs, 95),
  };
  log(`  one client alone: GraphQL p50 ${alone.p50Ms.toFixed(1)} ms p95 ${alone.p95Ms.toFixed(1)} ms · raw SQL p50 ${alone.rawP50Ms.toFixed(1)} ms p95 ${alone.rawP95Ms.toFixed(1)} ms`);
  return {
    alone,
    tail,
    rounds: results.graphql.map((graphqlRound, i) => roundFigures(graphqlRound, results.raw[i], results.postgraphile[i])),
    ...perRequest,
    graphql: g, raw: r, postgraphile: p,
    p50Ms: percentile(g.latenciesMs, 50), p95Ms: percentile(g.latenciesMs, 95),
    rawP50Ms: percentile(r.latenciesMs, 50), rawP95Ms: percentile(r.latenciesMs, 95),
    postgraphileP50Ms: percentile(p.latenciesMs, 50), postgraphileP95Ms: percentile(p.latenciesMs, 95),
    throughputRatio: perSecond(g) / perSecond(r),
    throughputVsPostgraphile: perSecond(g) / perSecond(p),
  };
}
