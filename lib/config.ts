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

/** The domain of tickets' reply addresses (`support+<ticket>.<signature>@…`), received by the support mail listener; unset: emails carry no reply address. */
export function supportReplyDomain(): string | null {
  return process.env.SUPPORT_REPLY_DOMAIN?.trim().toLowerCase() || null;
}

/** The port the support mail listener receives replies on; unset: no listener. */
export function supportSmtpPort(): number | null {
  const port = Number(process.env.SUPPORT_SMTP_PORT);
  return process.env.SUPPORT_SMTP_PORT && Number.isInteger(port) && port >= 0 && port < 65536 ? port : null;
}
