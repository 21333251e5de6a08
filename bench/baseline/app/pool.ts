import pg from 'pg';

/** The baseline's one connection pool on the benchmark's database. */
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
// The pool drops an idle connection the server closes; without a listener that would end the process.
pool.on('error', () => undefined);
