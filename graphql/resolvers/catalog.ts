import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Product, ProductCategory } from '@/entities';
import { listCatalog } from '@/operations/catalog/list-catalog';
import type { Context } from '../context';
import { CatalogType, FeaturesType, ProductCategoryType, ProductType } from '../types/catalog';
import { money, MoneyType } from '../types/money';

export function featuresOf(product: Product): FeaturesType {
  const { webSpaceGb, databases, mailboxes, additionalDomains, server, pecMailboxes } = product;
  return { webSpaceGb, databases, mailboxes, additionalDomains, server, pecMailboxes };
}

@Resolver(() => CatalogType)
export class CatalogResolver {
  @Query(() => CatalogType, { description: 'The products on sale, by category. Readable without signing in.' })
  catalog(@Ctx() { db }: Context) {
    return listCatalog(db);
  }
}

@Resolver(() => ProductType)
export class ProductResolver {
  @FieldResolver(() => ProductCategoryType)
  category(@Root() product: Product, @Ctx() { loaders }: Context) {
    return loaders.category.load(product.categoryId);
  }

  @FieldResolver(() => FeaturesType)
  features(@Root() product: Product): FeaturesType {
    return featuresOf(product);
  }

  @FieldResolver(() => MoneyType)
  price(@Root() product: Product, @Ctx() { locale }: Context): MoneyType {
    return money(product.priceCents, locale);
  }

  @FieldResolver(() => MoneyType)
  changeFee(@Root() product: Product, @Ctx() { locale }: Context): MoneyType {
    return money(product.changeFeeCents, locale);
  }
}

@Resolver(() => ProductCategoryType)
export class ProductCategoryResolver {
  @FieldResolver(() => String)
  name(@Root() category: ProductCategory, @Ctx() { locale }: Context): string {
    return locale === 'en' ? category.nameEn : category.nameIt;
  }

  @FieldResolver(() => [ProductType])
  products(@Root() category: ProductCategory, @Ctx() { loaders }: Context) {
    return loaders.productsOfCategory.load(category.id);
  }
}
