/**
 * `npm run cli -- <command>`: the same operations as the server, against the same database.
 *   db:migrate                                (every command applies pending migrations first)
 *   db:seed
 *   user:create --email E --password P --role customer|reseller|admin|support [--name N]
 *   token:create --email E [--name N] [--scopes a:read,b:write] [--client ID] [--expires YYYY-MM-DD]
 *                                            (prints the token as its last line)
 *   lifecycle:run [--date YYYY-MM-DD]        (the daily lifecycle for that day, by default today)
 *   sdi:import FILE…                         (the SdI's notifications: RC, NS, MC)
 *   einvoice:list [--status S]               (each invoice's current e-invoice file, newest first)
 *   einvoice:resend --invoice YYYY/NNNNNN    (a rejected e-invoice, again under a new file name)
 *   db:backup FILE                            (pg_dump, else the portal's own format; the database as it is, not migrated first)
 *   db:restore FILE [--force]                 (by the file's format, into an empty database; --force empties it first)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { invoiceNumber } from '@/domain/documents';
import { normalizeEmail } from '@/domain/identity';
import { E_INVOICE_STATUSES, type EInvoiceStatus } from '@/entities/e-invoice';
import { User } from '@/entities';
import { today } from '@/lib/clock';
import { closeDataSource, getDataSource } from '@/lib/db/data-source';
import { openDatabase } from '@/lib/db/local-database';
import { backupDatabase, restoreDatabase } from '@/lib/db/backup';
import { BackupError } from '@/lib/db/pg-tools';
import { migrate } from '@/lib/db/migrate';
import { createApiToken } from '@/operations/access/api-tokens';
import { createAccountWithLogin, createAdminUser } from '@/operations/access/create-account';
import { actorForUser } from '@/operations/access/resolve-actor';
import { seedDemoData } from '@/operations/demo/seed-demo-data';
import { importSdiNotification } from '@/operations/einvoices/import-sdi-notification';
import { listEInvoices } from '@/operations/einvoices/list-e-invoices';
import { loadInvoices } from '@/operations/invoices/loading';
import { resendEInvoice } from '@/operations/einvoices/resend-e-invoice';
import { UserInputError } from '@/operations/errors';
import { runLifecycle, runSummary } from '@/operations/lifecycle/run-lifecycle';
import { MAX_PAGE_SIZE } from '@/operations/pagination';

type Options = Record<string, string | undefined>;

function required(options: Options, name: string): string {
  const value = options[name];
  if (!value) throw new UserInputError('REQUIRED', name === 'file' ? 'the backup FILE is required' : `--${name} is required`, name);
  return value;
}

/** Each file on its own: one refused is reported and the others are still imported. */
async function importNotifications(files: string[]): Promise<void> {
  if (!files.length) throw new UserInputError('REQUIRED', 'name the notification files to import: sdi:import FILE…', 'file');
  const db = await getDataSource();
  for (const file of files) {
    const fileName = path.basename(file);
    try {
      const { notification, eInvoice, alreadyImported } = await importSdiNotification(db, null, { fileName, xml: await readFile(file, 'utf8') });
      console.log(alreadyImported
        ? `${fileName}: already imported, nothing changed (${eInvoice.fileName} is ${eInvoice.status})`
        : `${fileName}: ${notification.kind} for ${eInvoice.fileName}, now ${eInvoice.status}`);
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      console.error(`${fileName}: refused: ${error.message}`);
      process.exitCode = 1;
    }
  }
}

/** Commands that take the database as it is: no migration first. */
const AS_IS = new Set(['db:backup', 'db:restore']);

const commands: Record<string, (options: Options, appliedMigrations: string[], files: string[]) => Promise<void>> = {
  async 'db:migrate'(_options, applied) {
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
  },

  async 'db:seed'() {
    const seeded = await seedDemoData(await getDataSource(), today());
    console.log(seeded ? 'Demo data seeded.' : 'Demo data already present: nothing to do.');
  },

  async 'user:create'(options) {
    const email = required(options, 'email');
    const password = required(options, 'password');
    const role = required(options, 'role');
    const db = await getDataSource();
    if (role === 'admin' || role === 'support') {
      const user = await createAdminUser(db, null, email, password, role === 'support' ? 'SUPPORT' : null);
      console.log(`Created ${role} ${user.email}`);
      return;
    }
    if (role !== 'customer' && role !== 'reseller') throw new UserInputError('INVALID', '--role must be customer, reseller, admin or support', 'role');
    const { user, account } = await createAccountWithLogin(db, null, {
      email, password, name: options.name ?? email, kind: role === 'reseller' ? 'RESELLER' : 'CUSTOMER',
    });
    console.log(`Created ${role} ${user.email} (account ${account.id})`);
  },

  async 'token:create'(options) {
    const db = await getDataSource();
    const user = await db.getRepository(User).findOneBy({ email: normalizeEmail(required(options, 'email')) });
    if (!user) throw new UserInputError('NOT_FOUND', 'no user with this email', 'email');
    const { token } = await createApiToken(db, (await actorForUser(db, user.id))!, {
      name: options.name ?? 'command line', scopes: options.scopes?.split(',').map((scope) => scope.trim()), clientId: options.client, expiresOn: options.expires,
    });
    console.log(`API token for ${user.email} (shown once):`);
    console.log(token);
  },

  async 'lifecycle:run'(options) {
    const run = await runLifecycle(await getDataSource(), null, options.date ?? today());
    console.log(`${runSummary(run)}.`);
    console.log('Emails are in the outbox; the server or `npm run worker` delivers them.');
  },

  async 'sdi:import'(_options, _applied, files) {
    await importNotifications(files);
  },

  async 'einvoice:list'(options) {
    const status = options.status?.toUpperCase() ?? null;
    if (status !== null && !E_INVOICE_STATUSES.includes(status as EInvoiceStatus)) {
      throw new UserInputError('INVALID', `--status must be one of ${E_INVOICE_STATUSES.join(', ')}`, 'status');
    }
    const db = await getDataSource();
    let after: string | null = null;
    let listed = 0;
    do {
      const page = await listEInvoices(db, null, status as EInvoiceStatus | null, { first: MAX_PAGE_SIZE, after });
      const invoices = await loadInvoices(db, page.rows.map((file) => file.invoiceId));
      page.rows.forEach((file, i) => {
        const invoice = invoices[i]!;
        console.log([file.fileName, file.status, invoiceNumber(invoice.year, invoice.number), invoice.issuedOn, file.channel ?? '-', file.lastError ?? ''].join('\t').trimEnd());
      });
      listed += page.rows.length;
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    console.log(`${listed} e-invoice file(s)${status ? ` ${status}` : ''}.`);
  },

  async 'einvoice:resend'(options) {
    const file = await resendEInvoice(await getDataSource(), null, { invoiceNumber: required(options, 'invoice') });
    console.log(`Invoice ${options.invoice} will be sent again as ${file.fileName}.`);
  },

  async 'db:backup'(options) {
    const { file, bytes, tool } = await backupDatabase(process.env.DATABASE_URL!, required(options, 'file'));
    console.log(`Backed up to ${file} (${(bytes / 1024).toFixed(0)} KiB, ${tool}).`);
  },

  async 'db:restore'(options) {
    const { relations, tool } = await restoreDatabase(process.env.DATABASE_URL!, required(options, 'file'), options.force === 'yes');
    console.log(`Restored ${relations} tables, views and sequences (${tool}). The next start applies any migration newer than the backup.`);
  },
};

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const run = commands[command];
  if (!run) {
    console.error(`Usage: npm run cli -- <${Object.keys(commands).join('|')}> [options]`);
    process.exitCode = 2;
    return;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, date: { type: 'string' }, status: { type: 'string' }, invoice: { type: 'string' }, force: { type: 'boolean' }, scopes: { type: 'string' }, client: { type: 'string' }, expires: { type: 'string' } },
  });
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    // Every other command finds the schema up to date, as the server does.
    const applied = AS_IS.has(command) ? [] : await migrate(database.url);
    const { force, ...texts } = values;
    await run({ ...texts, force: force ? 'yes' : undefined, file: positionals[0] }, applied, positionals);
  } finally {
    await closeDataSource();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof UserInputError || error instanceof BackupError ? `Error: ${error.message}` : error);
  process.exitCode = 1;
});
