import { Field, InputType, Int } from 'type-graphql';
import type { Product } from '@/entities';
import { ProductType } from './catalog';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';
import { TextInput } from '../text-rule';

@InputType('FeaturesInput', { description: 'What a product includes; a feature left out keeps its value (0 or false for a new product).' })
export class FeaturesInput {
  @Field(() => Int, { nullable: true })
  webSpaceGb?: number | null;

  @Field(() => Int, { nullable: true })
  databases?: number | null;

  @Field(() => Int, { nullable: true })
  mailboxes?: number | null;

  @Field(() => Int, { nullable: true })
  additionalDomains?: number | null;

  @Field(() => Int, { nullable: true })
  pecMailboxes?: number | null;

  @Field(() => Boolean, { nullable: true })
  server?: boolean | null;
}

@InputType('CreateProductInput')
export class CreateProductInput {
  @Field(() => String, { description: 'Letters, digits and dashes, e.g. BUSINESS-PLUS.' })
  @TextInput({ maxLength: 32 })
  code: string;

  @Field(() => String, { description: 'DOMAIN, PEC, HOSTING, RESELLER, VPS, CLOUD or DEDICATED.' })
  categoryCode: string;

  @Field(() => String)
  @TextInput({ maxLength: 100 })
  name: string;

  @Field(() => Int, { description: 'Annual list price in cents, excluding VAT.' })
  priceCents: number;

  @Field(() => Int, { nullable: true, description: 'Downgrade fee in cents; 2000 when omitted.' })
  changeFeeCents?: number | null;

  @Field(() => FeaturesInput, { nullable: true })
  features?: FeaturesInput | null;
}

@InputType('UpdateProductInput', { description: 'The product to change, by code, and the values to change; what is left out stays.' })
export class UpdateProductInput {
  @Field(() => String)
  code: string;

  @Field(() => String, { nullable: true })
  @TextInput({ maxLength: 100 })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: 'New annual list price: for quotes and renewals from now on.' })
  priceCents?: number | null;

  @Field(() => Int, { nullable: true })
  changeFeeCents?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'false withdraws it from sale; services keep it.' })
  active?: boolean | null;

  @Field(() => FeaturesInput, { nullable: true })
  features?: FeaturesInput | null;
}

@PlainObjectType('ProductPayload')
export class ProductPayload {
  @Field(() => ProductType, { nullable: true })
  product: Product | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
