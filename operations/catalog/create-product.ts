import type { DataSource } from 'typeorm';
import { Product, ProductCategory } from '@/entities';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError, Validation } from '../errors';
import { unlessDuplicate } from '../sql';
import { productChanges, type ProductChangesInput } from './product-changes';
import { assertBackOffice } from '../scope';

export interface NewProductInput extends ProductChangesInput { code: string; categoryCode: string; name: string; priceCents: number }

const PRODUCT_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

/** A product on sale from now on, placed last in the catalog. */
export async function createProduct(db: DataSource, actor: Actor, input: NewProductInput): Promise<Product> {
  assertBackOffice(actor);
  const code = input.code.trim().toUpperCase();
  const validation = new Validation().check(PRODUCT_CODE.test(code), 'code', 'INVALID', 'code must be 2 to 32 letters, digits or dashes');
  const changes = productChanges(input, validation);
  validation.throwIfInvalid();
  return db.transaction(async (manager) => {
    const category = await manager.findOneBy(ProductCategory, { code: input.categoryCode.trim().toUpperCase() });
    if (!category) throw new UserInputError('NOT_FOUND', 'no product category with this code', 'categoryCode');
    const taken = new UserInputError('CODE_TAKEN', `a product with code ${code} already exists`, 'code');
    if (await manager.existsBy(Product, { code })) throw taken;
    const { last } = await manager.createQueryBuilder(Product, 'product').select('COALESCE(MAX(product.position), -1)', 'last').getRawOne();
    const product = await unlessDuplicate(manager.save(Product, manager.create(Product, { ...changes, code, categoryId: category.id, position: Number(last) + 1 })), taken);
    await recordAudit(manager, actor, { action: 'product.created', entityType: 'Product', entityId: product.id, accountId: null, after: { code, category: category.code, ...changes } });
    return product;
  });
}
