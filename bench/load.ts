/** A closed-loop load generator: `concurrency` clients, each sending its next request as soon as the last is answered. */

export interface LoadResult {
  requests: number; errors: number; seconds: number; latenciesMs: number[];
  /** When each request was sent, in ms from the start of its run (in the order of latenciesMs). */
  sentAtMs: number[];
}

export async function load(concurrency: number, seconds: number, request: (worker: number) => Promise<boolean>): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const sentAtMs: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async (_, worker) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const ok = await request(worker).catch(() => false);
      latenciesMs.push(performance.now() - t0);
      sentAtMs.push(t0 - started);
      if (!ok) errors += 1;
    }
  }));
  return { requests: latenciesMs.length, errors, seconds: (performance.now() - started) / 1000, latenciesMs, sentAtMs };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function merge(results: LoadResult[]): LoadResult {
  return {
    requests: results.reduce((n, r) => n + r.requests, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    seconds: results.reduce((n, r) => n + r.seconds, 0),
    latenciesMs: results.flatMap((r) => r.latenciesMs),
    // One run after another, as if without the pauses between them: every request ends within its run.
    sentAtMs: results.flatMap((r, i) => {
      const offset = results.slice(0, i).reduce((ms, earlier) => ms + earlier.seconds * 1000, 0);
      return r.sentAtMs.map((at) => at + offset);
    }),
  };
}

/** `work` on each item, `width` at a time. */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}
