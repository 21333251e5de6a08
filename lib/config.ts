export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start through `npm start` or the CLI, which provide one');
  return url;
}

export function dbPoolSize(): number {
  return Number(process.env.DB_POOL_SIZE ?? 10);
}
