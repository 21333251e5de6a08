import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may read /api/metrics: with `METRICS_TOKEN` set, a scraper sending `Authorization: Bearer <it>`;
 * without it, nobody (the endpoint answers 404).
 */
export function metricsAccess(authorization: string | null): 'allowed' | 'unauthorized' | 'disabled' {
  const token = process.env.METRICS_TOKEN;
  if (!token) return 'disabled';
  const [scheme, given] = (authorization ?? '').trim().split(/\s+/);
  return scheme?.toLowerCase() === 'bearer' && given && timingSafeEqual(digest(given), digest(token)) ? 'allowed' : 'unauthorized';
}
