import fs from 'node:fs';
import path from 'node:path';
import type { ConfirmBench } from './confirm';
import type { LifecycleBench } from './lifecycle';
import type { Machine } from './run';
import { describeTail, type Tail, type TailFigures } from './tail';
import type { TreeLoad } from './tree';

interface Measured { tree: TreeLoad; treeQuerySqlStatements: number; confirm: ConfirmBench; lifecycle: LifecycleBench; peakRssMb: number; services: number; machine: Machine }

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const roundedFigures = ({ latencyMs, answersDuring, answersPerSecond }: TailFigures): TailFigures => ({
  latencyMs: round(latencyMs, 1), answersDuring: round(answersDuring, 1), answersPerSecond: round(answersPerSecond, 0),
});
const roundedTail = ({ fastestHalf, slowest5Percent }: Tail): Tail => ({ fastestHalf: roundedFigures(fastestHalf), slowest5Percent: roundedFigures(slowest5Percent) });

const GOALS: Record<string, [string, (v: number) => boolean]> = {
  treeQuerySqlStatements: ['≤ 5', (v) => v <= 5],
  treeP95Ms: ['≤ 50 ms', (v) => v <= 50],
  treeThroughputVsRawSql: ['≥ 0.6×', (v) => v >= 0.6],
  lifecycle1MSeconds: ['≤ 60 s', (v) => v <= 60],
  lifecycleVsRawSql: ['≤ 3×', (v) => v <= 3],
  confirmQuotePerSecond: ['≥ 300/s', (v) => v >= 300],
  confirmQuoteErrors: ['0', (v) => v === 0],
};

/** bench/results.json (the figures) and bench/RESULTS.md (the same, readable, with bench/ANALYSIS.md appended). */
export function writeResults(measured: Measured, log: (line: string) => void): void {
  const { tree, lifecycle, confirm } = measured;
  const results = {
    treeQuerySqlStatements: measured.treeQuerySqlStatements,
    treeP50Ms: round(tree.p50Ms),
    treeP95Ms: round(tree.p95Ms),
    treeThroughputVsRawSql: round(tree.throughputRatio),
    lifecycle1MSeconds: round(mean(lifecycle.daySeconds)),
    lifecycleVsRawSql: round(mean(lifecycle.daySeconds) / mean(lifecycle.rawSeconds)),
    confirmQuotePerSecond: round(confirm.perSecond, 1),
    confirmQuoteErrors: confirm.errors,
    serverPeakRssMb: round(measured.peakRssMb, 0),
    detail: {
      services: measured.services,
      tree: {
        graphqlRequestsPerSecond: round(tree.graphql.requests / tree.graphql.seconds, 1), rawRequestsPerSecond: round(tree.raw.requests / tree.raw.seconds, 1),
        rawP50Ms: round(tree.rawP50Ms), rawP95Ms: round(tree.rawP95Ms), graphqlErrors: tree.graphql.errors, rawErrors: tree.raw.errors,
        graphqlServerCpuMsPerRequest: round(tree.graphqlCpuMs), rawServerCpuMsPerRequest: round(tree.rawCpuMs),
        graphqlDatabaseCpuMsPerRequest: round(tree.graphqlDatabaseCpuMs), rawDatabaseCpuMsPerRequest: round(tree.rawDatabaseCpuMs),
        rounds: tree.rounds.map((figures) => Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, round(value, 1)]))),
        aloneP50Ms: round(tree.alone.p50Ms), aloneP95Ms: round(tree.alone.p95Ms), rawAloneP50Ms: round(tree.alone.rawP50Ms), rawAloneP95Ms: round(tree.alone.rawP95Ms),
        tail: { graphql: roundedTail(tree.tail.graphql), raw: roundedTail(tree.tail.raw) },
      },
      lifecycle: { catchUpSeconds: round(lifecycle.catchUpSeconds), daySeconds: lifecycle.daySeconds.map((s) => round(s)), rawSeconds: lifecycle.rawSeconds.map((s) => round(s)), counts: lifecycle.counts },
      confirm: { confirmed: confirm.confirmed, seconds: round(confirm.seconds), serverCpuMsPerConfirmation: round(confirm.cpuMs), databaseCpuMsPerConfirmation: round(confirm.databaseCpuMs) },
    },
    machine: measured.machine,
    date: new Date().toISOString(),
  };
  fs.writeFileSync(path.join('bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const rows = Object.entries(GOALS).map(([key, [goal, met]]) => {
    const value = results[key as keyof typeof results] as number;
    return `| \`${key}\` | ${value} | ${goal} | ${met(value) ? 'met' : '**missed**'} |`;
  });
  const analysis = path.join('bench', 'ANALYSIS.md');
  const markdown = [
    '# Benchmark results',
    '',
    `Measured ${results.date.slice(0, 10)} on ${measured.machine.cpus} × ${measured.machine.cpuModel}, ${measured.machine.memoryGb} GiB, Node ${measured.machine.node}; ${measured.services.toLocaleString('en')} services. Regenerate with \`npm run bench\`.`,
    '',
    '| figure | measured | goal | |',
    '|---|---|---|---|',
    ...rows,
    `| \`serverPeakRssMb\` | ${results.serverPeakRssMb} | – | |`,
    '',
    `Tree over HTTP: GraphQL ${results.detail.tree.graphqlRequestsPerSecond} req/s (p50 ${results.treeP50Ms} ms, p95 ${results.treeP95Ms} ms) against the raw-SQL route ${results.detail.tree.rawRequestsPerSecond} req/s (p50 ${results.detail.tree.rawP50Ms} ms, p95 ${results.detail.tree.rawP95Ms} ms); the server spent ${results.detail.tree.graphqlServerCpuMsPerRequest} ms of CPU per GraphQL page against ${results.detail.tree.rawServerCpuMsPerRequest} ms per raw page, PostgreSQL ${results.detail.tree.graphqlDatabaseCpuMsPerRequest} ms against ${results.detail.tree.rawDatabaseCpuMsPerRequest} ms. With one client alone: GraphQL p50 ${results.detail.tree.aloneP50Ms} ms, p95 ${results.detail.tree.aloneP95Ms} ms; raw SQL p50 ${results.detail.tree.rawAloneP50Ms} ms, p95 ${results.detail.tree.rawAloneP95Ms} ms.`,
    `Rounds of 10 s, alternating: GraphQL ${tree.rounds.map((r) => `${r.graphqlPerSecond.toFixed(0)} req/s p95 ${r.graphqlP95Ms.toFixed(1)} ms`).join(', ')}; raw SQL ${tree.rounds.map((r) => `${r.rawPerSecond.toFixed(0)} req/s p95 ${r.rawP95Ms.toFixed(1)} ms`).join(', ')}; throughput ratio per round ${tree.rounds.map((r) => (r.graphqlPerSecond / r.rawPerSecond).toFixed(2)).join(', ')}.`,
    `Tail: GraphQL, ${describeTail(tree.tail.graphql)}; raw SQL, ${describeTail(tree.tail.raw)}.`,
    `Lifecycle: days ${results.detail.lifecycle.daySeconds.join(', ')} s against raw SQL ${results.detail.lifecycle.rawSeconds.join(', ')} s; the first (catch-up) run took ${results.detail.lifecycle.catchUpSeconds} s.`,
    `confirmQuote: ${confirm.confirmed} confirmations in ${results.detail.confirm.seconds} s, ${results.detail.confirm.serverCpuMsPerConfirmation} ms of server CPU and ${results.detail.confirm.databaseCpuMsPerConfirmation} ms of PostgreSQL CPU each.`,
    '',
    fs.existsSync(analysis) ? fs.readFileSync(analysis, 'utf8') : '',
  ].join('\n');
  fs.writeFileSync(path.join('bench', 'RESULTS.md'), markdown);
  log('Wrote bench/results.json and bench/RESULTS.md');
  for (const row of rows) log(row);
}
