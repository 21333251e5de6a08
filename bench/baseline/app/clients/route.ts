import pg from 'pg';
import { rawTreePage } from './tree-page';

export const dynamic = 'force-dynamic';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
// The pool drops an idle connection the server closes; without a listener that would end the process.
pool.on('error', () => undefined);

export function GET(request: Request): Promise<Response> {
  return rawTreePage(pool, request);
}
