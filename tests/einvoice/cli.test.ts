import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin } from '../support/fixtures';
import { currentFile, paidInvoice, sdiNotification } from './support';

/** README, Command line: the back office operates e-invoicing from the command line too. */
const database = useTestDatabase();
let db: DataSource;
const run = promisify(execFile);

function cli(...args: string[]) {
  const root = path.join(__dirname, '..', '..');
  return run(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'cli', 'main.ts'), ...args], {
    cwd: root, env: { ...process.env, DATABASE_URL: database.url(), PORTAL_TODAY: '2026-07-02' },
  });
}

beforeAll(async () => {
  db = await database.db();
});

it('imports notification files, lists the files by status and sends a rejected one again', async () => {
  const admin = await newAdmin(db);
  const customer = await newAccount(db);
  const [delivered, rejected] = [await paidInvoice(db, customer, admin, 'CARD'), await paidInvoice(db, customer, admin, 'CARD')];
  const [deliveredFile, rejectedFile] = [await currentFile(db, delivered.id), await currentFile(db, rejected.id)];
  const folder = mkdtempSync(path.join(os.tmpdir(), 'sdi-import-'));
  const write = ({ fileName, xml }: { fileName: string; xml: string }) => {
    writeFileSync(path.join(folder, fileName), xml);
    return path.join(folder, fileName);
  };
  const rc = write(sdiNotification('RC', deliveredFile.fileName));
  const ns = write(sdiNotification('NS', rejectedFile.fileName));
  const unknown = write(sdiNotification('MC', 'IT01234567890_ZZZZZ.xml'));

  const failed = await cli('sdi:import', rc, unknown, ns).catch((error) => error);
  expect(failed.code).toBe(1);
  expect(failed.stdout.trim().split('\n')).toEqual([
    `${path.basename(rc)}: RC for ${deliveredFile.fileName}, now DELIVERED`,
    `${path.basename(ns)}: NS for ${rejectedFile.fileName}, now REJECTED`,
  ]);
  expect(failed.stderr.trim()).toBe(`${path.basename(unknown)}: refused: no e-invoice file named IT01234567890_ZZZZZ.xml: the notification is not about a file this panel sent`);
  expect((await cli('sdi:import', rc)).stdout.trim()).toBe(`${path.basename(rc)}: already imported, nothing changed (${deliveredFile.fileName} is DELIVERED)`);

  const number = `2026/${String(rejected.number).padStart(6, '0')}`;
  expect((await cli('einvoice:list', '--status', 'rejected')).stdout.trim().split('\n')).toEqual([
    `${rejectedFile.fileName}\tREJECTED\t${number}\t2026-07-02\t-`, '1 e-invoice file(s) REJECTED.',
  ]);
  expect((await cli('einvoice:resend', '--invoice', number)).stdout.trim()).toMatch(new RegExp(`^Invoice ${number} will be sent again as IT01234567890_[0-9A-Z]{5}\\.xml\\.$`));
  expect((await cli('einvoice:list', '--status', 'REJECTED')).stdout.trim()).toBe('0 e-invoice file(s) REJECTED.');
  expect((await cli('einvoice:list')).stdout.trim().split('\n')).toHaveLength(3);

  const refused = await cli('einvoice:list', '--status', 'LOST').catch((error) => error);
  expect(refused.code).toBe(1);
  expect(refused.stderr.trim()).toBe('Error: --status must be one of TO_SEND, SENT, DELIVERED, NOT_DELIVERABLE, REJECTED');
}, 60_000);
