import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { invoiceNumber } from '@/domain/documents';
import type { EInvoice, Invoice } from '@/entities';
import { issueCreditNote } from '@/operations/billing/issue-credit-note';
import { invoiceYears } from '@/operations/invoices/invoice-years';
import { listInvoices } from '@/operations/invoices/list-invoices';
import { pageArgs } from '@/operations/pagination';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor, requireAdmin } from '../guards';
import { BillingDetailsType, billingDetails } from '../types/account';
import { EInvoiceType } from '../types/e-invoice';
import { toConnection } from '../types/connection';
import { InvoiceConnectionType, InvoiceLineType, InvoiceType, IssueCreditNoteInput, IssueCreditNotePayload } from '../types/invoice';
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

  @Mutation(() => IssueCreditNotePayload, { description: "Back office: a credit note (TD04) for the whole invoice or a net amount of it, with the reason." })
  async issueCreditNote(@Arg('input', () => IssueCreditNoteInput) input: IssueCreditNoteInput, @Ctx() context: Context): Promise<IssueCreditNotePayload> {
    const actor = requireAdmin(context);
    const { result, userErrors } = await attempt(() => issueCreditNote(context.db, actor, input));
    return { creditNote: result, userErrors };
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

  @FieldResolver(() => String, { nullable: true })
  async correctsInvoiceNumber(@Root() invoice: Invoice, @Ctx() { loaders }: Context): Promise<string | null> {
    if (!invoice.correctsInvoiceId) return null;
    const corrected = (await loaders.invoice.load(invoice.correctsInvoiceId))!;
    return invoiceNumber(corrected.year, corrected.number);
  }

  @FieldResolver(() => EInvoiceType, { nullable: true })
  eInvoice(@Root() invoice: Invoice, @Ctx() { loaders }: Context): Promise<EInvoice | null> {
    return loaders.currentEInvoice.load(invoice.id);
  }

  @FieldResolver(() => String)
  async orderCode(@Root() invoice: Invoice, @Ctx() { loaders }: Context): Promise<string> {
    const orderId = invoice.orderId ?? (await loaders.invoice.load(invoice.correctsInvoiceId!))!.orderId!;
    return (await loaders.order.load(orderId))!.code;
  }
}
