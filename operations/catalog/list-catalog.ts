import type { DataSource } from 'typeorm';
import { Product, ProductCategory } from '@/entities';

export interface CatalogView { categories: ProductCategory[]; products: Product[] }

/** The products on sale, by category. */
export async function listCatalog(db: DataSource): Promise<CatalogView> {
  const [categories, products] = await Promise.all([
    db.getRepository(ProductCategory).find({ order: { position: 'ASC', code: 'ASC' } }),
    db.getRepository(Product).find({ where: { active: true }, order: { position: 'ASC', code: 'ASC' } }),
  ]);
  return { categories, products };
}
