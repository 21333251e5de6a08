import type { DataSource } from 'typeorm';
import { isCalendarDate } from '@/domain/calendar';
import { isDomain, isUuid, normalizeDomain } from '@/domain/identity';
import { isTermLength, LATEST_TERM_START, MAX_TERM_YEARS, yearAfter } from '@/domain/terms';
import { Account, Product, ProductCategory, Service } from '@/entities';
import { today } from '@/lib/clock';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError, Validation } from '../errors';
import { assertBackOffice } from '../scope';

export interface ProvisionInput {
  accountId: string;
  productCode: string;
  domain: string;
  termStartsOn?: string | null;
  expiresOn?: string | null;
  recurringPriceCents?: number | null;
  parentServiceId?: string | null;
}

/**
 * Records a service (an existing customer's, with its real dates, or a new one from today for a
 * year). A parent service must be a reseller plan of the account's reseller.
 */
export async function provisionService(db: DataSource, actor: Actor | null, input: ProvisionInput): Promise<Service> {
  assertBackOffice(actor);
  const domain = normalizeDomain(input.domain);
  const termStartsOn = input.termStartsOn ?? today();
  const expiresOn = input.expiresOn ?? (isCalendarDate(termStartsOn) ? yearAfter(termStartsOn) : termStartsOn);
  new Validation()
    .check(isUuid(input.accountId), 'accountId', 'NOT_FOUND', 'no account with this id')
    .check(isDomain(domain), 'domain', 'INVALID', 'domain must be a domain name such as example.it')
    .check(isCalendarDate(termStartsOn), 'termStartsOn', 'INVALID', 'termStartsOn must be a date written YYYY-MM-DD')
    .check(isCalendarDate(expiresOn), 'expiresOn', 'INVALID', 'expiresOn must be a date written YYYY-MM-DD')
    .check(!isCalendarDate(termStartsOn) || termStartsOn <= LATEST_TERM_START, 'termStartsOn', 'INVALID', `termStartsOn must be on or before ${LATEST_TERM_START}`)
    .check(!isCalendarDate(termStartsOn) || termStartsOn > LATEST_TERM_START || !isCalendarDate(expiresOn) || isTermLength({ termStartsOn, expiresOn }), 'expiresOn', 'INVALID', `expiresOn must come after termStartsOn, within ${MAX_TERM_YEARS} years`)
    .check(input.recurringPriceCents == null || (Number.isSafeInteger(input.recurringPriceCents) && input.recurringPriceCents >= 0), 'recurringPriceCents', 'INVALID', 'recurringPriceCents must be a whole number of cents, not negative')
    .check(!input.parentServiceId || isUuid(input.parentServiceId), 'parentServiceId', 'NOT_FOUND', 'no reseller plan with this id')
    .throwIfInvalid();

  return db.transaction(async (manager) => {
    const account = await manager.findOneBy(Account, { id: input.accountId });
    if (!account) throw new UserInputError('NOT_FOUND', 'no account with this id', 'accountId');
    const product = await manager.findOneBy(Product, { code: input.productCode.trim().toUpperCase() });
    if (!product) throw new UserInputError('NOT_FOUND', `no product with code ${input.productCode}`, 'productCode');
    if (input.parentServiceId) {
      const parent = await manager.createQueryBuilder(Service, 'parent')
        .innerJoin(Product, 'product', 'product.id = parent.productId')
        .innerJoin(ProductCategory, 'category', 'category.id = product.categoryId')
        .where('parent.id = :id AND parent.accountId = :resellerId AND category.code = :reseller', { id: input.parentServiceId, resellerId: account.resellerId, reseller: 'RESELLER' })
        .getOne();
      if (!parent) throw new UserInputError('NOT_FOUND', "no reseller plan with this id belongs to the account's reseller", 'parentServiceId');
    }
    const service = await manager.save(Service, manager.create(Service, {
      accountId: account.id,
      productId: product.id,
      domain,
      status: 'ACTIVE',
      termStartsOn,
      expiresOn,
      recurringPriceCents: input.recurringPriceCents ?? product.priceCents,
      parentServiceId: input.parentServiceId || null,
    }));
    await recordAudit(manager, actor, {
      action: 'service.provisioned', entityType: 'Service', entityId: service.id, accountId: account.id,
      after: { product: product.code, domain, termStartsOn, expiresOn, recurringPriceCents: service.recurringPriceCents, parentServiceId: service.parentServiceId },
    });
    return service;
  });
}
