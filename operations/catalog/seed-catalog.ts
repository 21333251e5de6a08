import type { DataSource } from 'typeorm';
import { Product, ProductCategory } from '@/entities';

const CATEGORIES = [
  { code: 'DOMAIN', nameIt: 'Dominio', nameEn: 'Domain' },
  { code: 'PEC', nameIt: 'Posta Elettronica Certificata', nameEn: 'PEC certified mailbox' },
  { code: 'HOSTING', nameIt: 'Hosting', nameEn: 'Hosting' },
  { code: 'RESELLER', nameIt: 'Hosting per rivenditori', nameEn: 'Reseller hosting' },
  { code: 'VPS', nameIt: 'Server VPS', nameEn: 'VPS' },
  { code: 'CLOUD', nameIt: 'Server Cloud', nameEn: 'Cloud' },
  { code: 'DEDICATED', nameIt: 'Server dedicato', nameEn: 'Dedicated server' },
];

type ProductSeed = Pick<Product, 'code' | 'name' | 'priceCents'> & Partial<Omit<Product, 'category'>> & { category: string };

/** The demo catalog of the product specification; prices are annual, excluding VAT. */
export const DEMO_PRODUCTS: ProductSeed[] = [
  { code: 'HVPARK', name: 'Dominio (registrazione e parcheggio)', category: 'DOMAIN', priceCents: 1500 },
  { code: 'PEC-STD', name: 'PEC Standard', category: 'PEC', priceCents: 900, pecMailboxes: 1 },
  { code: 'PERSONAL15', name: 'Hosting Personal', category: 'HOSTING', priceCents: 4900, webSpaceGb: 1, databases: 1, mailboxes: 5 },
  { code: 'BUSINESS', name: 'Hosting Business', category: 'HOSTING', priceCents: 9900, webSpaceGb: 5, databases: 5, mailboxes: 25 },
  { code: 'PROFESSIONAL', name: 'Hosting Professional', category: 'HOSTING', priceCents: 17900, webSpaceGb: 20, databases: 20, mailboxes: 100 },
  { code: 'EASY', name: 'Hosting Rivenditori Easy', category: 'RESELLER', priceCents: 19900, webSpaceGb: 20, databases: 50, mailboxes: 250, additionalDomains: 50 },
  { code: 'VPS-S', name: 'VPS S', category: 'VPS', priceCents: 24000, server: true },
  { code: 'VPS-M', name: 'VPS M', category: 'VPS', priceCents: 48000, server: true },
  { code: 'CLOUD-S', name: 'Cloud S', category: 'CLOUD', priceCents: 36000, server: true },
  { code: 'CLOUD-M', name: 'Cloud M', category: 'CLOUD', priceCents: 72000, server: true },
  { code: 'DED-S', name: 'Server dedicato S', category: 'DEDICATED', priceCents: 120000, server: true },
];

/** Inserts the catalog's categories and products that are missing; edits made since are kept. */
export async function seedCatalog(db: DataSource): Promise<void> {
  await db.transaction(async (manager) => {
    await manager.createQueryBuilder().insert().into(ProductCategory)
      .values(CATEGORIES.map((category, position) => ({ ...category, position })))
      .orIgnore().execute();
    const categories = await manager.find(ProductCategory);
    const categoryId = new Map(categories.map((c) => [c.code, c.id]));
    await manager.createQueryBuilder().insert().into(Product)
      .values(DEMO_PRODUCTS.map(({ category, ...product }, position) => ({ ...product, categoryId: categoryId.get(category)!, position })))
      .orIgnore().execute();
  });
}
