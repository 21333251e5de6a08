import { Field, ID, Int } from 'type-graphql';
import { MoneyType } from './money';
import { PlainObjectType } from './object-type';

@PlainObjectType('Features', { description: 'What a product includes.' })
export class FeaturesType {
  @Field(() => Int)
  webSpaceGb: number;

  @Field(() => Int)
  databases: number;

  @Field(() => Int)
  mailboxes: number;

  @Field(() => Int)
  additionalDomains: number;

  @Field(() => Boolean)
  server: boolean;

  @Field(() => Int)
  pecMailboxes: number;
}

@PlainObjectType('ProductCategory')
export class ProductCategoryType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'DOMAIN, PEC, HOSTING, RESELLER, VPS, CLOUD or DEDICATED.' })
  code: string;

  @Field(() => String, { description: "In the viewer's language." })
  name: string;

  @Field(() => [ProductType])
  products: ProductType[];
}

@PlainObjectType('Product')
export class ProductType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => ProductCategoryType)
  category: ProductCategoryType;

  @Field(() => Int, { description: 'Annual list price in cents, excluding VAT.' })
  priceCents: number;

  @Field(() => MoneyType)
  price: MoneyType;

  @Field(() => Int, { description: 'One-time fee in cents for a downgrade to this product.' })
  changeFeeCents: number;

  @Field(() => MoneyType)
  changeFee: MoneyType;

  @Field(() => FeaturesType)
  features: FeaturesType;

  @Field(() => Boolean)
  active: boolean;
}

@PlainObjectType('Catalog')
export class CatalogType {
  @Field(() => [ProductCategoryType])
  categories: ProductCategoryType[];

  @Field(() => [ProductType])
  products: ProductType[];
}
