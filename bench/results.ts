import fs from 'node:fs';
import path from 'node:path';
import type { AgainstRawSql } from './confirm';
import { describeGrowth, type Growth } from './growth';
import type { PageName, PagesLoad } from './pages';
import type { LifecycleBench } from './lifecycle';
import type { Machine } from './run';
import { describeTail, type Tail, type TailFigures } from './tail';
import type { TreeLoad } from './tree';

export interface Measured {
  tree: TreeLoad; treeQuerySqlStatements: number; pages: PagesLoad; confirm: AgainstRawSql; payments: AgainstRawSql; invoiceNumbersContiguous: boolean;
  lifecycle: LifecycleBench; peakRssMb: number; services: number; machine: Machine; growth?: Growth;
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const perSecond = (result: { requests: number; seconds: number }) => result.requests / result.seconds;
const roundedFigures = ({ latencyMs, answersDuring, answersPerSecond }: TailFigures): TailFigures => ({
  latencyMs: round(latencyMs, 1), answersDuring: round(answersDuring, 1), answersPerSecond: round(answersPerSecond, 0),
});
const roundedTail = ({ fastestHalf, slowest5Percent }: Tail): Tail => ({ fastestHalf: roundedFigures(fastestHalf), slowest5Percent: roundedFigures(slowest5Percent) });

const GOALS: Record<string, [string, (v: number) => boolean]> = {
  treeQuerySqlStatements: ['≤ 5', (v) => v <= 5],
  treeVsPostgraphile: ['≥ 1.0×', (v) => v >= 1],
  treeThroughputVsRawSql: ['≥ 0.7×', (v) => v >= 0.7],
  treeP95VsRawP95: ['≤ 1.3×', (v) => v <= 1.3],
  portalSchedulePageVsApi: ['≥ 0.5×', (v) => v >= 0.5],
  portalClientsPageVsApi: ['≥ 0.5×', (v) => v >= 0.5],
  portalOrderPageVsApi: ['≥ 0.5×', (v) => v >= 0.5],
  portalQuotePageVsApi: ['≥ 0.5×', (v) => v >= 0.5],
  offlinePaymentsVsRawSql: ['≥ 0.5×', (v) => v >= 0.5],
  offlinePaymentsErrors: ['0', (v) => v === 0],
  confirmQuoteVsRawSql: ['≥ 0.5×', (v) => v >= 0.5],
  confirmQuoteErrors: ['0', (v) => v === 0],
  lifecycle1MSeconds: ['≤ 60 s', (v) => v <= 60],
  lifecycleVsRawSql: ['≤ 3×', (v) => v <= 3],
};

const PAGE_KEYS: Record<PageName, string> = { schedule: 'portalSchedulePage', clients: 'portalClientsPage', order: 'portalOrderPage', quote: 'portalQuotePage' };

const pageFigures = (pages: PagesLoad) => Object.fromEntries(Object.entries(pages).flatMap(([name, f]) => [
  [`${PAGE_KEYS[name as PageName]}VsApi`, round(f.throughputVsApi)], [`${PAGE_KEYS[name as PageName]}P95Ms`, round(f.pageP95Ms, 1)],
]));

const writesDetail = ({ graphql, raw }: AgainstRawSql) => ({
  graphql: { done: graphql.confirmed, errors: graphql.errors, seconds: round(graphql.seconds), perSecond: round(graphql.perSecond, 1), serverCpuMs: round(graphql.cpuMs), databaseCpuMs: round(graphql.databaseCpuMs) },
  raw: { done: raw.confirmed, errors: raw.errors, seconds: round(raw.seconds), perSecond: round(raw.perSecond, 1), serverCpuMs: round(raw.cpuMs), databaseCpuMs: round(raw.databaseCpuMs) },
});

const describeWrites = (name: string, { graphql, raw }: AgainstRawSql) => `${name}: ${graphql.confirmed} through GraphQL at ${graphql.perSecond.toFixed(1)}/s (${graphql.cpuMs.toFixed(2)} ms of server CPU and ${graphql.databaseCpuMs.toFixed(2)} ms of PostgreSQL's each), ${raw.confirmed} through the raw-SQL transaction at ${raw.perSecond.toFixed(1)}/s (${raw.cpuMs.toFixed(2)} and ${raw.databaseCpuMs.toFixed(2)} ms); errors ${graphql.errors} and ${raw.errors}.`;

/** bench/results.json (the figures) and bench/RESULTS.md (the same, readable, with bench/ANALYSIS.md appended). */
export function writeResults(measured: Measured, log: (line: string) => void): void {
  const { tree, lifecycle, confirm, payments, pages } = measured;
  const results = {
    treeQuerySqlStatements: measured.treeQuerySqlStatements,
    treeP50Ms: round(tree.p50Ms),
    treeP95Ms: round(tree.p95Ms),
    treeVsPostgraphile: round(tree.throughputVsPostgraphile),
    treeThroughputVsRawSql: round(tree.throughputRatio),
    treeP95VsRawP95: round(tree.p95Ms / tree.rawP95Ms),
    ...pageFigures(pages),
    offlinePaymentsVsRawSql: round(payments.ratio),
    offlinePaymentsPerSecond: round(payments.graphql.perSecond, 1),
    offlinePaymentsErrors: payments.graphql.errors + payments.raw.errors,
    confirmQuoteVsRawSql: round(confirm.ratio),
    confirmQuotePerSecond: round(confirm.graphql.perSecond, 1),
    confirmQuoteErrors: confirm.graphql.errors + confirm.raw.errors,
    invoiceNumbersContiguous: measured.invoiceNumbersContiguous,
    lifecycle1MSeconds: round(mean(lifecycle.daySeconds)),
    lifecycleVsRawSql: round(mean(lifecycle.daySeconds) / mean(lifecycle.rawSeconds)),
    serverPeakRssMb: round(measured.peakRssMb, 0),
    ...(measured.growth ? { growth: measured.growth } : {}),
    detail: {
      services: measured.services,
      tree: {
        graphqlRequestsPerSecond: round(perSecond(tree.graphql), 1), rawRequestsPerSecond: round(perSecond(tree.raw), 1), postgraphileRequestsPerSecond: round(perSecond(tree.postgraphile), 1),
        rawP50Ms: round(tree.rawP50Ms), rawP95Ms: round(tree.rawP95Ms), postgraphileP50Ms: round(tree.postgraphileP50Ms), postgraphileP95Ms: round(tree.postgraphileP95Ms),
        graphqlErrors: tree.graphql.errors, rawErrors: tree.raw.errors, postgraphileErrors: tree.postgraphile.errors,
        graphqlServerCpuMsPerRequest: round(tree.graphqlCpuMs), rawServerCpuMsPerRequest: round(tree.rawCpuMs), postgraphileServerCpuMsPerRequest: round(tree.postgraphileCpuMs),
        graphqlDatabaseCpuMsPerRequest: round(tree.graphqlDatabaseCpuMs), rawDatabaseCpuMsPerRequest: round(tree.rawDatabaseCpuMs), postgraphileDatabaseCpuMsPerRequest: round(tree.postgraphileDatabaseCpuMs),
        rounds: tree.rounds.map((figures) => Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, round(value, 1)]))),
        aloneP50Ms: round(tree.alone.p50Ms), aloneP95Ms: round(tree.alone.p95Ms), rawAloneP50Ms: round(tree.alone.rawP50Ms), rawAloneP95Ms: round(tree.alone.rawP95Ms),
        tail: { graphql: roundedTail(tree.tail.graphql), raw: roundedTail(tree.tail.raw) },
      },
      pages: Object.fromEntries(Object.entries(pages).map(([name, f]) => [name, Object.fromEntries(Object.entries(f).map(([key, value]) => [key, round(value, 2)]))])),
      offlinePayments: writesDetail(payments),
      confirmQuote: writesDetail(confirm),
      lifecycle: { catchUpSeconds: round(lifecycle.catchUpSeconds), daySeconds: lifecycle.daySeconds.map((s) => round(s)), rawSeconds: lifecycle.rawSeconds.map((s) => round(s)), counts: lifecycle.counts },
    },
    machine: measured.machine,
    date: new Date().toISOString(),
  };
  fs.writeFileSync(path.join('bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const rows = Object.entries(GOALS).map(([key, [goal, met]]) => {
    const value = results[key as keyof typeof results] as number;
    return `| \`${key}\` | ${value} | ${goal} | ${met(value) ? 'met' : '**missed**'} |`;
  });
  const t = results.detail.tree;
  const analysis = path.join('bench', 'ANALYSIS.md');
  const markdown = [
    '# Benchmark results',
    '',
    `Measured ${results.date.slice(0, 10)} on ${measured.machine.cpus} × ${measured.machine.cpuModel}, ${measured.machine.memoryGb} GiB, Node ${measured.machine.node}; ${measured.services.toLocaleString('en')} services. The machine was shared with other work while measured: compare the ratios, each measured within one run. Regenerate with \`npm run bench\`.`,
    '',
    '| figure | measured | goal | |',
    '|---|---|---|---|',
    ...rows,
    `| \`invoiceNumbersContiguous\` | ${results.invoiceNumbersContiguous} | true | ${results.invoiceNumbersContiguous ? 'met' : '**missed**'} |`,
    `| \`treeP95Ms\` | ${results.treeP95Ms} | – | |`,
    `| \`confirmQuotePerSecond\` | ${results.confirmQuotePerSecond} | – | |`,
    `| \`offlinePaymentsPerSecond\` | ${results.offlinePaymentsPerSecond} | – | |`,
    `| \`serverPeakRssMb\` | ${results.serverPeakRssMb} | – | |`,
    '',
    `Tree over HTTP: GraphQL ${t.graphqlRequestsPerSecond} req/s (p50 ${results.treeP50Ms} ms, p95 ${results.treeP95Ms} ms), the raw-SQL route ${t.rawRequestsPerSecond} req/s (p50 ${t.rawP50Ms} ms, p95 ${t.rawP95Ms} ms), PostGraphile ${t.postgraphileRequestsPerSecond} req/s (p50 ${t.postgraphileP50Ms} ms, p95 ${t.postgraphileP95Ms} ms). Server CPU per page: GraphQL ${t.graphqlServerCpuMsPerRequest} ms, raw ${t.rawServerCpuMsPerRequest} ms, PostGraphile ${t.postgraphileServerCpuMsPerRequest} ms; PostgreSQL ${t.graphqlDatabaseCpuMsPerRequest}, ${t.rawDatabaseCpuMsPerRequest} and ${t.postgraphileDatabaseCpuMsPerRequest} ms. With one client alone: GraphQL p50 ${t.aloneP50Ms} ms, p95 ${t.aloneP95Ms} ms; raw SQL p50 ${t.rawAloneP50Ms} ms, p95 ${t.rawAloneP95Ms} ms.`,
    `Rounds of 10 s, alternating: ${tree.rounds.map((r, i) => `round ${i + 1} GraphQL ${r.graphqlPerSecond.toFixed(0)} req/s p95 ${r.graphqlP95Ms.toFixed(1)} ms, raw ${r.rawPerSecond.toFixed(0)} req/s p95 ${r.rawP95Ms.toFixed(1)} ms, PostGraphile ${r.postgraphilePerSecond.toFixed(0)} req/s p95 ${r.postgraphileP95Ms.toFixed(1)} ms`).join('; ')}.`,
    `Tail: GraphQL, ${describeTail(tree.tail.graphql)}; raw SQL, ${describeTail(tree.tail.raw)}.`,
    `Portal pages (signed in, 20 clients) against their API queries: ${Object.entries(pages).map(([name, f]) => `${name} ${f.pagePerSecond.toFixed(0)}/s p50 ${f.pageP50Ms.toFixed(1)} ms p95 ${f.pageP95Ms.toFixed(1)} ms, CPU ${f.pageServerCpuMs.toFixed(2)} + ${f.pageDatabaseCpuMs.toFixed(2)} ms, against ${f.apiPerSecond.toFixed(0)}/s p95 ${f.apiP95Ms.toFixed(1)} ms, CPU ${f.apiServerCpuMs.toFixed(2)} + ${f.apiDatabaseCpuMs.toFixed(2)} ms`).join('; ')}.`,
    describeWrites('Offline payments (32 concurrent)', payments),
    describeWrites('confirmQuote (32 concurrent customers)', confirm),
    `Lifecycle: days ${results.detail.lifecycle.daySeconds.join(', ')} s against raw SQL ${results.detail.lifecycle.rawSeconds.join(', ')} s; the first (catch-up) run took ${results.detail.lifecycle.catchUpSeconds} s.`,
    ...(measured.growth ? [describeGrowth(measured.growth)] : []),
    '',
    fs.existsSync(analysis) ? fs.readFileSync(analysis, 'utf8') : '',
  ].join('\n');
  fs.writeFileSync(path.join('bench', 'RESULTS.md'), markdown);
  log('Wrote bench/results.json and bench/RESULTS.md');
  for (const row of rows) log(row);
}
