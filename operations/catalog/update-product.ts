import type { DataSource } from 'typeorm';
import { Product } from '@/entities';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError, Validation } from '../errors';
import { productChanges, type ProductChanges, type ProductChangesInput } from './product-changes';
import { assertBackOffice } from '../scope';

/**
 * Changes a product's name, prices, features or availability. A new price applies to quotes and
 * renewals made from now on; services keep the price they paid until they are renewed or changed.
 */
export async function updateProduct(db: DataSource, actor: Actor, input: ProductChangesInput & { code: string }): Promise<Product> {
  assertBackOffice(actor);
  const validation = new Validation();
  const changes = productChanges(input, validation);
  validation.throwIfInvalid();
  return db.transaction(async (manager) => {
    const product = await manager.createQueryBuilder(Product, 'product').setLock('pessimistic_write')
      .where('product.code = :code', { code: input.code.trim().toUpperCase() })
      .getOne();
    if (!product) throw new UserInputError('NOT_FOUND', 'no product with this code', 'code');
    const changed = (Object.keys(changes) as (keyof ProductChanges)[]).filter((field) => product[field] !== changes[field]);
    if (!changed.length) return product;
    const before = Object.fromEntries(changed.map((field) => [field, product[field]]));
    Object.assign(product, changes);
    await manager.save(product);
    await recordAudit(manager, actor, {
      action: 'product.updated', entityType: 'Product', entityId: product.id, accountId: null,
      before, after: Object.fromEntries(changed.map((field) => [field, product[field]])),
    });
    return product;
  });
}
