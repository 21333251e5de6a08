export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start through `npm start` or the CLI, which provide one');
  return url;
}

export function dbPoolSize(): number {
  return Number(process.env.DB_POOL_SIZE ?? 10);
}

/** The portal's public address, for links in emails. */
export function portalUrl(path = ''): string {
  const base = (process.env.PORTAL_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
  return `${base}${path}`;
}

/** Support's own address: new tickets, customers' replies and confirmed cancellations are sent there. */
export function supportEmail(): string {
  return process.env.SUPPORT_EMAIL ?? 'supporto@example.it';
}

export interface RateLimitSettings { points: number; windowSeconds: number }

function positiveInteger(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value <= 0 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max}`);
  return value;
}

/** The most points a window may hold: what is spent is kept in an `integer` column. */
export const MAX_RATE_LIMIT_POINTS = 2_000_000_000;

/**
 * The query-cost points each API token and each portal session may spend per window (README, Configuration):
 * by default 100,000 points every 15 minutes. A page of 100 clients with their services costs 1,201 points, so a
 * reseller reads some 8,000 clients with their services in one window; a portal page costs a few hundred.
 */
export function rateLimitSettings(): RateLimitSettings {
  return { points: positiveInteger('API_RATE_LIMIT_POINTS', 100_000, MAX_RATE_LIMIT_POINTS), windowSeconds: positiveInteger('API_RATE_LIMIT_WINDOW_SECONDS', 900, 86_400) };
}

/** The domain of tickets' reply addresses (`support+<ticket>.<signature>@…`), received by the support mail listener; unset: emails carry no reply address. */
export function supportReplyDomain(): string | null {
  return process.env.SUPPORT_REPLY_DOMAIN?.trim().toLowerCase() || null;
}

/** The port the support mail listener receives replies on; unset: no listener. */
export function supportSmtpPort(): number | null {
  const port = Number(process.env.SUPPORT_SMTP_PORT);
  return process.env.SUPPORT_SMTP_PORT && Number.isInteger(port) && port >= 0 && port < 65536 ? port : null;
}
