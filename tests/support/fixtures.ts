import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { User, type Account, type Service } from '@/entities';
import type { AccountRole } from '@/entities/user';
import { hashPassword } from '@/lib/passwords';
import { createApiToken } from '@/operations/access/api-tokens';
import { createAccountWithLogin, createAdminUser, type NewAccountInput } from '@/operations/access/create-account';
import { actorForUser } from '@/operations/access/resolve-actor';
import { startSession } from '@/operations/access/sessions';
import type { Actor } from '@/operations/actor';
import { provisionService, type ProvisionInput } from '@/operations/services/provision-service';
import { sessionCookie } from './api';

/** A login with an API token and an open portal session (`cookie`, `sessionId`). */
export interface Login { user: User; actor: Actor; token: string; cookie: string; sessionId: string }
export interface AccountLogin extends Login { account: Account }

const unique = () => randomBytes(4).toString('hex');

async function loginFor(db: DataSource, user: User): Promise<Login> {
  const actor = (await actorForUser(db, user.id))!;
  const { token } = await createApiToken(db, actor, { name: 'tests' });
  const session = await startSession(db, user.id, { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', address: '192.0.2.10' });
  return { user, actor, token, cookie: await sessionCookie(user.id, user.email, session.id), sessionId: session.id };
}

/** What an Italian consumer's e-invoice needs, so that a test account can pay; the test's own billing fields win. */
export const COMPLETE_BILLING = { country: 'IT', address: 'Via Roma 1', postalCode: '00184', city: 'Roma', province: 'RM', fiscalCode: 'RSSMRA80A01H501U' } as const;

export async function newAccount(db: DataSource, input: Partial<NewAccountInput> = {}): Promise<AccountLogin> {
  const name = input.name ?? `Cliente ${unique()}`;
  // A person's names come from the account's name: a one-word name still needs a last name.
  const lastName = name.trim().includes(' ') ? {} : { lastName: 'Prova' };
  const { account, user } = await createAccountWithLogin(db, null, {
    email: `user-${unique()}@example.test`,
    password: 'correct horse battery',
    kind: 'CUSTOMER',
    ...input,
    name,
    billing: { ...COMPLETE_BILLING, ...lastName, ...input.billing },
  });
  return { account, ...(await loginFor(db, user)) };
}

/** One more login of an account, with a role in it. */
export async function newAccountLogin(db: DataSource, account: Account, accountRole: AccountRole): Promise<AccountLogin> {
  const user = await db.getRepository(User).save(db.getRepository(User).create({
    email: `login-${unique()}@example.test`, passwordHash: await hashPassword('correct horse battery'), role: 'USER', accountRole, accountId: account.id,
  }));
  return { account, ...(await loginFor(db, user)) };
}

export async function newAdmin(db: DataSource): Promise<Login> {
  const user = await createAdminUser(db, null, `admin-${unique()}@example.test`, 'correct horse battery');
  return loginFor(db, user);
}

/** A back-office login limited to support's work. */
export async function newSupport(db: DataSource): Promise<Login> {
  return loginFor(db, await createAdminUser(db, null, `support-${unique()}@example.test`, 'correct horse battery', 'SUPPORT'));
}

export function newService(db: DataSource, account: Account, input: Partial<ProvisionInput> & Pick<ProvisionInput, 'productCode'>): Promise<Service> {
  return provisionService(db, null, { accountId: account.id, domain: `d${unique()}.it`, ...input });
}
