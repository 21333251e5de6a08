import { createHash } from 'node:crypto';
import type pg from 'pg';

export interface Owner { userId: string; email: string; accountId: string | null; role: string }

/** The API token's user (a prepared statement), or null for a missing or revoked token. */
export async function ownerOf(pool: pg.Pool, request: Request): Promise<Owner | null> {
  const token = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
  const { rows } = await pool.query<Owner>({
    name: 'bench-owner',
    text: `SELECT u.id AS "userId", u.email, u.account_id AS "accountId", u.role FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.secret_hash = $1 AND t.revoked_at IS NULL`,
    values: [createHash('sha256').update(token).digest('hex')],
  });
  return rows[0] ?? null;
}

export const unauthenticated = () => Response.json({ errors: [{ message: 'unauthenticated' }] }, { status: 401 });

/** A transaction on one of the pool's connections: committed when `work` returns, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
