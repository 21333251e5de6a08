import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { registerDatabaseMetrics } from './database-metrics';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  graphqlDuration: Histogram<'operation' | 'outcome'>;
  loginFailures: Counter<'reason'>;
}

/** Request durations from 2.5 ms to 10 s: the client tree's page takes a few milliseconds (bench/RESULTS.md). */
const DURATION_BUCKETS = [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerDatabaseMetrics(registry);
  return {
    registry,
    httpDuration: new Histogram({
      name: 'pannello_http_request_duration_seconds',
      help: 'HTTP requests served, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'pannello_graphql_request_duration_seconds',
      help: 'GraphQL operations, by operation name and outcome (OK, or the first error code)',
      labelNames: ['operation', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    loginFailures: new Counter({
      name: 'pannello_login_failures_total',
      help: 'Portal logins refused: wrong email or password, or too many attempts',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}

// One registry per process, on globalThis: Next.js bundles the metrics route, the GraphQL route and the
// instrumentation apart, and each would otherwise count into a copy of its own.
const holder = globalThis as typeof globalThis & { __pannelloMetrics?: Metrics };

export function metrics(): Metrics {
  return (holder.__pannelloMetrics ??= createMetrics());
}
