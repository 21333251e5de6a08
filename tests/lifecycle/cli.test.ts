import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { Service } from '@/entities';
import { useTestDatabase } from '../support/database';
import { newAccount, newService } from '../support/fixtures';

const database = useTestDatabase();
const run = promisify(execFile);
let db: DataSource;

function cli(env: Record<string, string>, ...args: string[]) {
  const root = path.join(__dirname, '..', '..');
  return run(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'cli', 'main.ts'), ...args], {
    cwd: root, env: { ...process.env, DATABASE_URL: database.url(), ...env },
  });
}

beforeAll(async () => {
  db = await database.db();
});

describe('npm run cli -- lifecycle:run', () => {
  it('runs the given day, or today, and prints what it did', async () => {
    process.env.PORTAL_TODAY = '2026-04-01';
    const owner = await newAccount(db);
    const service = await newService(db, owner.account, { productCode: 'HVPARK', termStartsOn: '2025-03-30', expiresOn: '2026-03-30' });
    await newService(db, owner.account, { productCode: 'HVPARK', termStartsOn: '2025-04-15', expiresOn: '2026-04-15' });
    delete process.env.PORTAL_TODAY;

    const past = await cli({ PORTAL_TODAY: '2026-04-01' }, 'lifecycle:run', '--date', '2026-03-31');
    expect(past.stdout).toMatch(/^Lifecycle for 2026-03-31: 1 reminder\(s\), 1 deactivation\(s\), 0 cancelled order\(s\) in \d+ ms\.$/m);
    expect(await db.getRepository(Service).findOneByOrFail({ id: service.id })).toMatchObject({ status: 'DEACTIVATED', deactivatedOn: '2026-03-30' });

    const today = await cli({ PORTAL_TODAY: '2026-04-01' }, 'lifecycle:run');
    expect(today.stdout).toMatch(/^Lifecycle for 2026-04-01: 0 reminder\(s\), 0 deactivation\(s\)/m);
  });
});
