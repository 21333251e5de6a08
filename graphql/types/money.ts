import { Field, Int } from 'type-graphql';
import { CURRENCY, formatMoney, type Locale } from '@/domain/money';
import { PlainObjectType } from './object-type';

@PlainObjectType('Money', { description: 'An amount in euro cents, excluding VAT unless the field says otherwise.' })
export class MoneyType {
  @Field(() => Int)
  cents: number;

  @Field(() => String)
  currency: string;

  @Field(() => String, { description: '`€ 1.234,56` in Italian, `€1,234.56` in English (the viewer\'s language).' })
  formatted: string;
}

export function money(cents: number, locale: Locale): MoneyType {
  return { cents, currency: CURRENCY, formatted: formatMoney(cents, locale) };
}

/** A line (of a quote, an order, an invoice) with its signed amount also as Money. */
export function withAmount<T extends { amountCents: number }>(line: T, locale: Locale): T & { amount: MoneyType } {
  return { ...line, amount: money(line.amountCents, locale) };
}
