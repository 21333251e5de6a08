import * as typeorm from 'typeorm';
import { QueryFailedError, type DataSource } from 'typeorm';
import { queryPrepared } from '@/lib/db/prepared';
import { useTestDatabase } from '../support/database';

const database = useTestDatabase();
let db: DataSource;

beforeAll(async () => {
  db = await database.db();
});

const SUM = 'SELECT $1::int + $2::int AS "sum"';

describe('queryPrepared', () => {
  it('answers like query(), from the pool and in a transaction', async () => {
    expect(await queryPrepared(db, SUM, [2, 3])).toEqual([{ sum: 5 }]);
    expect(await queryPrepared(db, SUM, [40, 2])).toEqual([{ sum: 42 }]);
    expect(await db.transaction((manager) => queryPrepared(manager, SUM, [1, 1]))).toEqual([{ sum: 2 }]);
  });

  it("prepares each text once on the transaction's own connection and sees its uncommitted writes", async () => {
    const lookup = 'SELECT "n" FROM "scratch" WHERE "n" = $1';
    await db.transaction(async (manager) => {
      await manager.query(`CREATE TEMPORARY TABLE "scratch" ("n" int) ON COMMIT DROP`);
      await manager.query(`INSERT INTO "scratch" VALUES (7), (8)`);
      for (const n of [7, 8, 7]) expect(await queryPrepared(manager, lookup, [n])).toEqual([{ n }]);
      expect(await queryPrepared(manager.queryRunner!, `${lookup} OR "n" = $2`, [7, 8])).toHaveLength(2);
      const prepared = await manager.query(`SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%"scratch"%' ORDER BY statement`);
      expect(prepared).toEqual([{ statement: lookup }, { statement: `${lookup} OR "n" = $2` }]);
    });
  });

  it('names a text the same in every copy of the module, as after a reload in development', async () => {
    let reloaded: typeof queryPrepared | undefined;
    jest.isolateModules(() => {
      // Next.js reloads the app's modules, not TypeORM (an external package).
      jest.doMock('typeorm', () => typeorm);
      reloaded = (jest.requireActual('@/lib/db/prepared') as { queryPrepared: typeof queryPrepared }).queryPrepared;
    });
    expect(reloaded).not.toBe(queryPrepared);
    await db.transaction(async (manager) => {
      expect(await queryPrepared(manager, 'SELECT $1::int AS "first"', [1])).toEqual([{ first: 1 }]);
      expect(await reloaded!(manager, 'SELECT $1::int AS "second"', [2])).toEqual([{ second: 2 }]);
      expect(await reloaded!(manager, 'SELECT $1::int AS "first"', [3])).toEqual([{ first: 3 }]);
    });
  });

  it('keeps at most 256 statements prepared on a connection, and runs the texts past them unnamed', async () => {
    await db.transaction(async (manager) => {
      for (let n = 0; n < 300; n += 1) expect(await queryPrepared(manager, `SELECT ${n} + $1::int AS "sum"`, [1])).toEqual([{ sum: n + 1 }]);
      // The names are the process's: the few texts of the tests above took some of them.
      const [{ count }] = await manager.query(`SELECT count(*)::int AS "count" FROM pg_prepared_statements WHERE statement LIKE '% + $1::int AS "sum"'`);
      expect(count).toBeGreaterThanOrEqual(250);
      expect(count).toBeLessThanOrEqual(256);
    });
  });

  it("fails with TypeORM's error, the driver's code inside", async () => {
    const failure = queryPrepared(db, 'SELECT $1::uuid AS "id"', ['not-a-uuid']);
    await expect(failure).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failure).rejects.toMatchObject({ driverError: { code: '22P02' } });
  });
});
