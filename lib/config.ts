import path from 'node:path';

/** Where local state lives (embedded database, generated secrets): git-ignored. */
export const DATA_DIR = path.resolve(process.env.PORTAL_DATA_DIR ?? path.join(process.cwd(), '.data'));

export const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 5433);

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start through `npm start` or the CLI, which provide one');
  return url;
}

export function dbPoolSize(): number {
  return Number(process.env.DB_POOL_SIZE ?? 10);
}
