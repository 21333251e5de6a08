import { HeaderMap, type GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RateState } from './context';

/** When the budget's window ends: its points are whole again. */
function resetAt(rate: RateState): Date {
  return new Date(rate.windowStartedAt.getTime() + rate.windowSeconds * 1000);
}

/** Whole seconds until the window ends, at least one. */
export function retryAfterSeconds(rate: RateState, now = Date.now()): number {
  return Math.max(1, Math.ceil((resetAt(rate).getTime() - now) / 1000));
}

/** The request did not fit the caller's budget: HTTP 429 with Retry-After, nothing executed. */
export function rateLimited(rate: RateState): GraphQLError {
  const retryAfter = retryAfterSeconds(rate);
  return new GraphQLError(`The query would cost ${rate.cost} points and ${rate.points - rate.used} of ${rate.points} are left until ${resetAt(rate).toISOString()}; retry in ${retryAfter} s`, {
    extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } },
  });
}

/**
 * The budget on every response, as GitHub reports it (`X-RateLimit-*`, the reset in epoch seconds) and in
 * `extensions.cost`, as Shopify does.
 */
export function reportRate(response: GraphQLResponse, rate: RateState): void {
  const reset = resetAt(rate);
  const remaining = rate.points - rate.used;
  response.http.headers.set('x-ratelimit-limit', String(rate.points));
  response.http.headers.set('x-ratelimit-remaining', String(remaining));
  response.http.headers.set('x-ratelimit-used', String(rate.used));
  response.http.headers.set('x-ratelimit-reset', String(Math.ceil(reset.getTime() / 1000)));
  if (response.body.kind !== 'single') return;
  const result = response.body.singleResult;
  result.extensions = { ...result.extensions, cost: { requestedQueryCost: rate.cost, remaining, limit: rate.points, resetAt: reset.toISOString() } };
}
