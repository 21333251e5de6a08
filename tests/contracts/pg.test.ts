/**
 * What the statement counts rely on in pg (pinned in package.json): tests/support/statements.ts and
 * bench/tree.ts watch pg.Client.prototype.query, so every statement, whatever sends it, must pass there.
 */
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { queryPrepared } from '@/lib/db/prepared';
import { useTestDatabase } from '../support/database';

const database = useTestDatabase();
let db: DataSource;

beforeAll(async () => {
  db = await database.db();
});

describe('pg', () => {
  it("sends the statements of a Pool, TypeORM's query runners and named prepared statements through Client.prototype.query", async () => {
    const spy = jest.spyOn(pg.Client.prototype, 'query');
    const pool = new pg.Pool({ connectionString: database.url(), max: 1 });
    try {
      await pool.query('SELECT 1 AS from_pool');
      await db.query('SELECT 2 AS from_typeorm');
      await queryPrepared(db, 'SELECT 3 AS prepared', []);
      const texts = spy.mock.calls.map(([statement]) => (typeof statement === 'string' ? statement : (statement as { text: string }).text));
      expect(texts).toEqual(expect.arrayContaining(['SELECT 1 AS from_pool', 'SELECT 2 AS from_typeorm', 'SELECT 3 AS prepared']));
    } finally {
      spy.mockRestore();
      await pool.end();
    }
  });
});
