import type { LoadResult } from '@/bench/load';
import { tailOf } from '@/bench/tail';

/** A closed loop: `clients` clients, a server answering one request at a time, in order, in 1 ms; it stops for `stallMs` at each of `stallsAtMs`. */
function fifoServer(clients: number, totalMs: number, stallsAtMs: number[], stallMs: number): LoadResult {
  const queue = Array.from({ length: clients }, () => 0);
  const result: LoadResult = { requests: 0, errors: 0, seconds: totalMs / 1000, latenciesMs: [], sentAtMs: [] };
  const stalls = [...stallsAtMs];
  let clock = 0;
  while (clock < totalMs) {
    if (clock >= stalls[0]) {
      stalls.shift();
      clock += stallMs;
    }
    clock += 1;
    const sent = queue.shift()!;
    result.latenciesMs.push(clock - sent);
    result.sentAtMs.push(sent);
    queue.push(clock);
  }
  result.requests = result.latenciesMs.length;
  return result;
}

describe('what makes the slowest requests of a closed-loop run slow', () => {
  it('a server that stops now and then: the slowest requests see as many answers go by as the others, at a slower pace', () => {
    // 4,000 answers; at each of 10 stops, the 20 requests waiting (5% in all) wait 30 ms longer.
    const stops = Array.from({ length: 10 }, (_, i) => 200 + i * 400);
    const { fastestHalf, slowest5Percent } = tailOf(fifoServer(20, 4300, stops, 30));
    // Only the first requests, sent together at the start, wait less and see fewer.
    expect(fastestHalf.latencyMs).toBeCloseTo(20, 0);
    expect(fastestHalf.answersDuring).toBeCloseTo(19, 0);
    expect(slowest5Percent).toEqual({ latencyMs: 50, answersDuring: 19, answersPerSecond: 380 });
  });

  it('a request passed over: it sees more answers go by than the others, at the same pace', () => {
    // Ten requests answered one per ms, each sent as the one before is answered; the first one sent waits until after all of them.
    const result: LoadResult = {
      requests: 11, errors: 0, seconds: 0.02,
      latenciesMs: [11, ...Array.from({ length: 10 }, () => 1)],
      sentAtMs: [0, ...Array.from({ length: 10 }, (_, i) => i)],
    };
    const { fastestHalf, slowest5Percent } = tailOf(result);
    expect(slowest5Percent).toEqual({ latencyMs: 11, answersDuring: 10, answersPerSecond: (10 / 11) * 1000 });
    expect(fastestHalf.answersDuring).toBe(0);
  });
});
