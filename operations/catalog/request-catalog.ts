import type { DataSource } from 'typeorm';
import { Product, type Service } from '@/entities';
import { selectEntities } from '@/lib/db/select-entities';

type ProductsById = Map<string, Product>;

// The catalog as last read by this process, per database, with the revision it was read at or after.
const sharedCatalogs = new WeakMap<DataSource, { revision: string; products: Promise<ProductsById> }>();

/**
 * The whole catalog (a few dozen products), read at most once per request. Once read, a product is
 * returned synchronously: a page of 500 services then resolves without 500 pending promises.
 * When the request knows the catalog's current revision (read with its API token), the copy this
 * process keeps is used as long as its revision is that one; the products are read after the revision,
 * so a copy is never older than the revision it is kept under. Cached products are shared: read-only.
 */
export class RequestCatalog {
  private byId: ProductsById | null = null;
  private loading: Promise<ProductsById> | null = null;

  constructor(private readonly db: DataSource, private readonly revision: string | null) {}

  load(): Promise<ProductsById> {
    return (this.loading ??= this.current().then((byId) => (this.byId = byId)));
  }

  product(id: string): Product | Promise<Product> {
    return this.byId ? this.byId.get(id)! : this.load().then((byId) => byId.get(id)!);
  }

  /**
   * Sets each service's `product` from the catalog: the Service type reads it as a plain field, so a
   * page of services resolves its products without a resolver call for each.
   */
  async attachProducts(services: readonly (Service | null)[]): Promise<void> {
    if (!services.some(Boolean)) return;
    const byId = await this.load();
    for (const service of services) if (service) service.product = byId.get(service.productId)!;
  }

  private current(): Promise<ProductsById> {
    if (this.revision === null) return this.read();
    const shared = sharedCatalogs.get(this.db);
    if (shared?.revision === this.revision) return shared.products;
    const products = this.read();
    const entry = { revision: this.revision, products };
    sharedCatalogs.set(this.db, entry);
    products.catch(() => { if (sharedCatalogs.get(this.db) === entry) sharedCatalogs.delete(this.db); });
    return products;
  }

  private async read(): Promise<ProductsById> {
    const rows = await selectEntities(this.db.getRepository(Product).createQueryBuilder('product'), { prepared: true });
    return new Map(rows.map((p) => [p.id, p]));
  }
}
