import type { DataSource, EntityManager } from 'typeorm';
import type { BillingData, BillingField, BillingInput, BillingKind } from '@/domain/billing/billing-data';
import { normalizeBilling } from '@/domain/billing/normalize-billing';
import { namesOf } from '@/domain/billing/stored-names';
import { validateBilling } from '@/domain/billing/validate-billing';
import { isEmail, isUuid, MIN_PASSWORD_LENGTH, normalizeEmail } from '@/domain/identity';
import { Account, User } from '@/entities';
import type { BackOfficeRole } from '@/entities/user';
import type { AccountKind } from '@/entities/account';
import { hashPassword } from '@/lib/passwords';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { billingColumns } from '../billing-details/account-billing';
import { billingProblems } from '../billing-details/update-billing-details';
import { UserInputError, Validation } from '../errors';
import { unlessDuplicate } from '../sql';
import { assertBackOffice } from '../scope';

/** The billing data of a new account: the billing rules' fields, and the names the API first published for three of them. */
export interface NewAccountBilling extends BillingInput {
  /** Former name of `address`. */
  addressLine?: string | null;
  /** Former name of `sdiCode`. */
  recipientCode?: string | null;
  /** Former name of `pec`. */
  pecEmail?: string | null;
}

export interface NewAccountInput {
  name: string;
  email: string;
  password: string;
  kind: AccountKind;
  resellerId?: string | null;
  locale?: string | null;
  billing?: NewAccountBilling | null;
}

const FORMER_NAMES: Partial<Record<BillingField, keyof NewAccountBilling>> = { address: 'addressLine', sdiCode: 'recipientCode', pec: 'pecEmail' };
const given = (value: string | null | undefined) => value !== undefined && value !== null;

/**
 * The new account's billing data, checked as `updateBillingDetails` checks it but not required to be complete
 * (paying asks for what is missing): the kind is a company's when there is a VAT number, the names come from
 * `name`, the country is Italy, unless given. Problems name the field as the caller wrote it.
 */
function newAccountBilling(name: string, input: NewAccountBilling, validation: Validation): BillingData {
  const kind = input.kind?.trim() || (input.vatNumber?.trim() ? 'COMPANY' : 'PERSON');
  const derived = namesOf({ name: name.trim(), vatNumber: null, kind: null });
  const billing: BillingInput = {
    ...input,
    kind,
    companyName: input.companyName ?? name,
    firstName: input.firstName ?? derived.firstName,
    lastName: input.lastName ?? derived.lastName,
    country: input.country ?? 'IT',
    address: input.address ?? input.addressLine,
    sdiCode: input.sdiCode ?? input.recipientCode,
    pec: input.pec ?? input.pecEmail,
  };
  const result = validateBilling(billing);
  const fieldName = (field: BillingField) => {
    const former = FORMER_NAMES[field];
    if (former && !given(input[field]) && given(input[former])) return `billing.${former}`;
    return ['companyName', 'firstName', 'lastName'].includes(field) && !given(input[field]) ? 'name' : `billing.${field}`;
  };
  if (!result.ok) {
    for (const problem of billingProblems(result.problems.filter((p) => p.code !== 'REQUIRED'), fieldName)) validation.check(false, problem.field!, problem.code, problem.message);
  }
  const normalized = normalizeBilling(billing);
  return { ...normalized, kind: normalized.kind as BillingKind };
}

function validateLogin(validation: Validation, email: string, password: string): void {
  validation
    .check(isEmail(email), 'email', 'INVALID', 'email is not a valid address')
    .check(password.length >= MIN_PASSWORD_LENGTH, 'password', 'INVALID', `password must have at least ${MIN_PASSWORD_LENGTH} characters`);
}

export function insertUser(manager: EntityManager, user: Partial<User>): Promise<User> {
  return unlessDuplicate(manager.save(User, manager.create(User, user)), new UserInputError('EMAIL_TAKEN', 'a login with this email already exists', 'email'));
}

/** An account (customer, reseller, or a reseller's client) with its first login. */
export async function createAccountWithLogin(db: DataSource, actor: Actor | null, input: NewAccountInput): Promise<{ account: Account; user: User }> {
  assertBackOffice(actor);
  const email = normalizeEmail(input.email);
  const validation = new Validation()
    .check(input.name.trim().length > 0 && input.name.length <= 200, 'name', 'INVALID', 'name is required (at most 200 characters)')
    .check(!input.resellerId || input.kind === 'CUSTOMER', 'kind', 'INVALID', "a reseller's client is a CUSTOMER account")
    .check(!input.resellerId || isUuid(input.resellerId), 'resellerId', 'NOT_FOUND', 'no reseller account with this id')
    .check(!input.locale || input.locale === 'it' || input.locale === 'en', 'locale', 'INVALID', 'locale must be it or en');
  const billing = newAccountBilling(input.name, input.billing ?? {}, validation);
  validateLogin(validation, email, input.password);
  validation.throwIfInvalid();
  const passwordHash = await hashPassword(input.password);

  return db.transaction(async (manager) => {
    if (input.resellerId) {
      const reseller = await manager.findOne(Account, { where: { id: input.resellerId, kind: 'RESELLER' } });
      if (!reseller) throw new UserInputError('NOT_FOUND', 'no reseller account with this id', 'resellerId');
    }
    const account = await manager.save(Account, manager.create(Account, {
      kind: input.kind,
      resellerId: input.resellerId || null,
      email,
      locale: input.locale === 'en' ? 'en' : 'it',
      ...billingColumns(billing, input.name.trim()),
    }));
    const user = await insertUser(manager, { email, passwordHash, role: 'USER', accountRole: 'OWNER', accountId: account.id });
    await recordAudit(manager, actor, { action: 'account.created', entityType: 'Account', entityId: account.id, accountId: account.id, after: { kind: account.kind, name: account.name, email, resellerId: account.resellerId } });
    return { account, user };
  });
}

/** A back-office login, bound to no account. */
/** A back-office login: the full admin, or with `backOfficeRole` SUPPORT a login limited to support's work. */
export async function createAdminUser(db: DataSource, actor: Actor | null, emailInput: string, password: string, backOfficeRole: BackOfficeRole | null = null): Promise<User> {
  const email = normalizeEmail(emailInput);
  const validation = new Validation();
  validateLogin(validation, email, password);
  validation.throwIfInvalid();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (manager) => {
    const user = await insertUser(manager, { email, passwordHash, role: 'ADMIN', accountRole: backOfficeRole, accountId: null });
    await recordAudit(manager, actor, { action: 'user.created', entityType: 'User', entityId: user.id, accountId: null, after: { email, role: backOfficeRole ?? 'ADMIN' } });
    return user;
  });
}
