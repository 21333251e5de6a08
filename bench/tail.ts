import type { LoadResult } from './load';

export interface TailFigures {
  /** Mean latency of these requests. */
  latencyMs: number;
  /** Answers the server completed while each of these requests was waiting for its own. */
  answersDuring: number;
  /** The server's pace meanwhile: those answers per second of each request's wait. */
  answersPerSecond: number;
}

export interface Tail { fastestHalf: TailFigures; slowest5Percent: TailFigures }

/**
 * What makes a request of a closed-loop run slow: a request waits while the other clients' requests are
 * answered. Slow because it was passed over, it sees more answers than the others go by; slow because
 * the whole server slowed down (garbage collection, a core taken by PostgreSQL or the load), it sees as
 * many, at a slower pace.
 */
export function tailOf(result: LoadResult): Tail {
  const endsMs = result.sentAtMs.map((sent, i) => sent + result.latenciesMs[i]).sort((a, b) => a - b);
  // How many answers came before `ms` (with `atToo`, or at it).
  const answeredBefore = (ms: number, atToo: boolean) => {
    let [low, high] = [0, endsMs.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (endsMs[middle] < ms || (atToo && endsMs[middle] === ms)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const requests = result.latenciesMs.map((latencyMs, i) => {
    const sent = result.sentAtMs[i];
    // The answer that let this client send the request came before it; its own answer ends it.
    return { latencyMs, answers: answeredBefore(sent + latencyMs, false) - answeredBefore(sent, true) };
  }).sort((a, b) => a.latencyMs - b.latencyMs);
  const figures = (group: typeof requests): TailFigures => ({
    latencyMs: group.reduce((sum, r) => sum + r.latencyMs, 0) / group.length,
    answersDuring: group.reduce((sum, r) => sum + r.answers, 0) / group.length,
    answersPerSecond: group.reduce((sum, r) => sum + (r.answers / r.latencyMs) * 1000, 0) / group.length,
  });
  return {
    fastestHalf: figures(requests.slice(0, Math.floor(requests.length / 2))),
    slowest5Percent: figures(requests.slice(Math.floor(requests.length * 0.95))),
  };
}

export function describeTail({ fastestHalf, slowest5Percent }: Tail): string {
  return `the slowest 5% of pages waited ${slowest5Percent.latencyMs.toFixed(1)} ms while ${slowest5Percent.answersDuring.toFixed(1)} others were answered (${slowest5Percent.answersPerSecond.toFixed(0)}/s), `
    + `the fastest half ${fastestHalf.latencyMs.toFixed(1)} ms while ${fastestHalf.answersDuring.toFixed(1)} were (${fastestHalf.answersPerSecond.toFixed(0)}/s)`;
}
