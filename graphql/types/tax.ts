import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TAX_PROFILES, type TaxProfile } from '@/domain/billing/tax-profile';

export const TaxProfileEnum = Object.freeze(Object.fromEntries(TAX_PROFILES.map((profile) => [profile, profile]))) as { readonly [P in TaxProfile]: P };
registerEnumType(TaxProfileEnum, {
  name: 'TaxProfile',
  description: "How the customer is taxed, decided from its billing data (country, VAT number): 22% VAT in Italy and for consumers abroad; 0% with Natura N2.1 (art. 7-ter DPR 633/72) for businesses abroad, reverse charge in the EU.",
});

/** The tax a quote fixed and its order and invoice keep. */
@ObjectType({ simpleResolvers: true })
export abstract class FixedTaxFields {
  @Field(() => TaxProfileEnum, { description: "The customer's tax profile when the quote was made." })
  taxProfile: TaxProfile;

  @Field(() => Int, { description: '22, or 0 for a business abroad.' })
  vatRatePercent: number;

  @Field(() => String, { nullable: true, description: 'The FatturaPA Natura of a 0% rate (N2.1); null when VAT is charged.' })
  vatNatura: string | null;
}
