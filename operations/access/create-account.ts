import type { DataSource, EntityManager } from 'typeorm';
import { isCountryCode, isEmail, isFiscalCode, isProvinceCode, isRecipientCode, isUuid, isVatNumber, MIN_PASSWORD_LENGTH, normalizeEmail } from '@/domain/identity';
import { Account, User } from '@/entities';
import type { AccountKind } from '@/entities/account';
import { hashPassword } from '@/lib/passwords';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError, Validation } from '../errors';
import { unlessDuplicate } from '../sql';

export interface BillingInput {
  fiscalCode?: string | null;
  vatNumber?: string | null;
  addressLine?: string | null;
  postalCode?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
  recipientCode?: string | null;
  pecEmail?: string | null;
}

export interface NewAccountInput {
  name: string;
  email: string;
  password: string;
  kind: AccountKind;
  resellerId?: string | null;
  locale?: string | null;
  billing?: BillingInput | null;
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

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
  const email = normalizeEmail(input.email);
  const billing = input.billing ?? {};
  const fiscalCode = blankToNull(billing.fiscalCode)?.toUpperCase() ?? null;
  const vatNumber = blankToNull(billing.vatNumber)?.toUpperCase() ?? null;
  const recipientCode = blankToNull(billing.recipientCode)?.toUpperCase() ?? null;
  const pecEmail = blankToNull(billing.pecEmail);
  const province = blankToNull(billing.province)?.toUpperCase() ?? null;
  const country = blankToNull(billing.country)?.toUpperCase() ?? 'IT';
  const validation = new Validation()
    .check(input.name.trim().length > 0 && input.name.length <= 200, 'name', 'INVALID', 'name is required (at most 200 characters)')
    .check(!input.resellerId || input.kind === 'CUSTOMER', 'kind', 'INVALID', "a reseller's client is a CUSTOMER account")
    .check(!input.resellerId || isUuid(input.resellerId), 'resellerId', 'NOT_FOUND', 'no reseller account with this id')
    .check(!input.locale || input.locale === 'it' || input.locale === 'en', 'locale', 'INVALID', 'locale must be it or en')
    .check(!fiscalCode || isFiscalCode(fiscalCode), 'billing.fiscalCode', 'INVALID', 'fiscal code must be 16 characters (person) or 11 digits (company)')
    .check(!vatNumber || isVatNumber(vatNumber), 'billing.vatNumber', 'INVALID', 'VAT number must be 11 digits')
    .check(!recipientCode || isRecipientCode(recipientCode), 'billing.recipientCode', 'INVALID', 'recipient code must be 7 letters or digits')
    .check(!pecEmail || isEmail(pecEmail), 'billing.pecEmail', 'INVALID', 'PEC is not a valid address')
    .check(!province || isProvinceCode(province), 'billing.province', 'INVALID', 'province must be its two letters, such as MI')
    .check(isCountryCode(country), 'billing.country', 'INVALID', 'country must be a country code of two letters (ISO 3166-1), such as IT');
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
      name: input.name.trim(),
      email,
      locale: input.locale === 'en' ? 'en' : 'it',
      fiscalCode,
      vatNumber,
      recipientCode,
      pecEmail,
      addressLine: blankToNull(billing.addressLine),
      postalCode: blankToNull(billing.postalCode),
      city: blankToNull(billing.city),
      province,
      country,
    }));
    const user = await insertUser(manager, { email, passwordHash, role: 'USER', accountRole: 'OWNER', accountId: account.id });
    await recordAudit(manager, actor, { action: 'account.created', entityType: 'Account', entityId: account.id, accountId: account.id, after: { kind: account.kind, name: account.name, email, resellerId: account.resellerId } });
    return { account, user };
  });
}

/** A back-office login, bound to no account. */
export async function createAdminUser(db: DataSource, actor: Actor | null, emailInput: string, password: string): Promise<User> {
  const email = normalizeEmail(emailInput);
  const validation = new Validation();
  validateLogin(validation, email, password);
  validation.throwIfInvalid();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (manager) => {
    const user = await insertUser(manager, { email, passwordHash, role: 'ADMIN', accountId: null });
    await recordAudit(manager, actor, { action: 'user.created', entityType: 'User', entityId: user.id, accountId: null, after: { email, role: 'ADMIN' } });
    return user;
  });
}
