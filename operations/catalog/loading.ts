import { In, type DataSource } from 'typeorm';
import { Product, ProductCategory } from '@/entities';
import { byKey, groupedByKey } from '../loading';

/** The categories with these ids, in their order (null for a missing one). */
export async function loadCategories(db: DataSource, ids: readonly string[]): Promise<(ProductCategory | null)[]> {
  return byKey(ids, await db.getRepository(ProductCategory).findBy({ id: In([...ids]) }), (c) => c.id);
}

/** The products on sale of each category, in the category's order. */
export async function loadProductsOnSale(db: DataSource, categoryIds: readonly string[]): Promise<Product[][]> {
  const products = await db.getRepository(Product).find({ where: { categoryId: In([...categoryIds]), active: true }, order: { position: 'ASC' } });
  return groupedByKey(categoryIds, products, (p) => p.categoryId);
}
