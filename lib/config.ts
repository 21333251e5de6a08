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

/** Where confirmed cancellations are forwarded. */
export function supportEmail(): string {
  return process.env.SUPPORT_EMAIL ?? 'supporto@example.it';
}
