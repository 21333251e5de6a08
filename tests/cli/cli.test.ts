import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { MIGRATIONS } from '@/migrations';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';

const database = useTestDatabase({ empty: true });
const api = useGraphQLServer();
const run = promisify(execFile);

function cli(...args: string[]) {
  const root = path.join(__dirname, '..', '..');
  return run(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'cli', 'main.ts'), ...args], {
    cwd: root, env: { ...process.env, DATABASE_URL: database.url() },
  });
}

describe('command line', () => {
  it('migrates, seeds, creates a user and a token that reads viewer', async () => {
    expect((await cli('db:migrate')).stdout).toContain(`Applied ${MIGRATIONS.length} migration(s)`);
    expect((await cli('db:migrate')).stdout).toMatch(/up to date/);
    expect((await cli('db:seed')).stdout).toMatch(/Demo data seeded/);
    expect((await cli('db:seed')).stdout).toMatch(/already present/);

    expect((await cli('user:create', '--email', 'Reseller@Example.test', '--password', 'long enough', '--role', 'reseller')).stdout).toMatch(/Created reseller reseller@example.test/);
    const { stdout } = await cli('token:create', '--email', 'reseller@example.test');
    const token = stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^pcl_/);

    const { body } = await api.gql('{ viewer { user { email role } account { kind } } }', {}, { token });
    expect(body.data.viewer).toEqual({ user: { email: 'reseller@example.test', role: 'USER' }, account: { kind: 'RESELLER' } });

    const scoped = (await cli('token:create', '--email', 'reseller@example.test', '--scopes', 'services:read, clients:read', '--expires', '2099-12-31')).stdout.trim().split('\n').at(-1)!;
    expect((await api.gql('{ apiTokens { scopes expiresOn } }', {}, { token: scoped })).body.data.apiTokens).toContainEqual({ scopes: ['services:read', 'clients:read'], expiresOn: '2099-12-31' });
    expect((await api.gql('{ orders { totalCount } }', {}, { token: scoped })).body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'orders:read' });
  });

  it('explains bad input without a stack trace', async () => {
    const failed = await cli('user:create', '--email', 'x@example.test', '--password', 'short', '--role', 'customer').catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim()).toBe('Error: password must have at least 8 characters');
    const unknown = await cli('frobnicate').catch((error) => error);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Usage: npm run cli/);
  });
});
