import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { invoiceNumber } from '@/domain/documents';
import type { Invoice } from '@/entities';
import { invoiceYears } from '@/operations/invoices/invoice-years';
import { listInvoices } from '@/operations/invoices/list-invoices';
import { pageArgs } from '@/operations/pagination';
import type { Context } from '../context';
import { requireActor } from '../guards';
import { BillingDetailsType, billingDetails } from '../types/account';
import { toConnection } from '../types/connection';
import { InvoiceConnectionType, InvoiceLineType, InvoiceType } from '../types/invoice';
import { money, MoneyType, withAmount } from '../types/money';

@Resolver(() => InvoiceType)
export class InvoiceResolver {
  @Query(() => InvoiceConnectionType, { description: "The account's invoices, newest first; optionally of one year." })
  async invoices(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Arg('clientId', () => ID, { nullable: true }) clientId: string | null,
  ) {
    return toConnection(await listInvoices(context.db, requireActor(context), { year, clientId }, pageArgs(first, after)));
  }

  @Query(() => [Int], { description: "The years the account (a reseller's client with clientId) has invoices in, newest first." })
  invoiceYears(@Ctx() context: Context, @Arg('clientId', () => ID, { nullable: true }) clientId: string | null): Promise<number[]> {
    return invoiceYears(context.db, requireActor(context), clientId);
  }

  @FieldResolver(() => String)
  number(@Root() invoice: Invoice): string {
    return invoiceNumber(invoice.year, invoice.number);
  }

  @FieldResolver(() => [InvoiceLineType])
  async lines(@Root() invoice: Invoice, @Ctx() { loaders, locale }: Context): Promise<InvoiceLineType[]> {
    return (await loaders.invoiceLines.load(invoice.id)).map((line) => withAmount(line, locale));
  }

  @FieldResolver(() => MoneyType)
  total(@Root() invoice: Invoice, @Ctx() { locale }: Context) { return money(invoice.totalCents, locale); }

  @FieldResolver(() => BillingDetailsType)
  billing(@Root() invoice: Invoice): BillingDetailsType { return billingDetails(invoice.billing); }

  @FieldResolver(() => String)
  pdfUrl(@Root() invoice: Invoice): string { return `/api/invoices/${invoice.id}/pdf`; }

  @FieldResolver(() => String)
  async orderCode(@Root() invoice: Invoice, @Ctx() { loaders }: Context): Promise<string> {
    return (await loaders.order.load(invoice.orderId))!.code;
  }
}
