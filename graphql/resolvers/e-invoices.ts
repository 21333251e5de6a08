import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EInvoice, Invoice, SdiNotification } from '@/entities';
import type { EInvoiceStatus } from '@/entities/e-invoice';
import { importSdiNotification } from '@/operations/einvoices/import-sdi-notification';
import { listEInvoices } from '@/operations/einvoices/list-e-invoices';
import { resendEInvoice } from '@/operations/einvoices/resend-e-invoice';
import { pageArgs } from '@/operations/pagination';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireAdmin } from '../guards';
import { toConnection } from '../types/connection';
import {
  EInvoiceConnectionType, EInvoiceStatusEnum, EInvoiceType, ImportSdiNotificationInput, ImportSdiNotificationPayload, ResendEInvoiceInput,
  ResendEInvoicePayload, SdiNotificationType,
} from '../types/e-invoice';
import { InvoiceType } from '../types/invoice';

/** E-invoices: the back office's list to act on, the SdI's notifications imported, rejected files sent again. */
@Resolver(() => EInvoiceType)
export class EInvoiceResolver {
  @Query(() => EInvoiceConnectionType, { description: "Back office: each invoice's current e-invoice file, newest first; only those in a status when given (TO_SEND, REJECTED, NOT_DELIVERABLE…)." })
  async eInvoices(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => EInvoiceStatusEnum, { nullable: true }) status: EInvoiceStatusEnum | null,
  ) {
    return toConnection(await listEInvoices(context.db, requireAdmin(context), status as EInvoiceStatus | null, pageArgs(first, after)));
  }

  @Mutation(() => ImportSdiNotificationPayload, { description: 'Back office: records a notification of the SdI (RC delivered, NS rejected, MC not deliverable) against its file; the same one again changes nothing.' })
  async importSdiNotification(@Arg('input', () => ImportSdiNotificationInput) input: ImportSdiNotificationInput, @Ctx() context: Context): Promise<ImportSdiNotificationPayload> {
    const actor = requireAdmin(context);
    const { result, userErrors } = await attempt(() => importSdiNotification(context.db, actor, input));
    return { notification: result?.notification ?? null, eInvoice: result?.eInvoice ?? null, alreadyImported: result?.alreadyImported ?? false, userErrors };
  }

  @Mutation(() => ResendEInvoicePayload, { description: 'Back office: sends a rejected e-invoice again, with the same number and date under a new file name.' })
  async resendEInvoice(@Arg('input', () => ResendEInvoiceInput) input: ResendEInvoiceInput, @Ctx() context: Context): Promise<ResendEInvoicePayload> {
    const actor = requireAdmin(context);
    const { result, userErrors } = await attempt(() => resendEInvoice(context.db, actor, input));
    return { eInvoice: result, userErrors };
  }

  @FieldResolver(() => String)
  xmlUrl(@Root() file: EInvoice): string { return `/api/invoices/${file.invoiceId}/xml`; }

  @FieldResolver(() => [SdiNotificationType])
  notifications(@Root() file: EInvoice, @Ctx() { loaders }: Context): Promise<SdiNotification[]> {
    return loaders.sdiNotifications.load(file.id);
  }

  @FieldResolver(() => InvoiceType)
  async invoice(@Root() file: EInvoice, @Ctx() { loaders }: Context): Promise<Invoice> {
    return (await loaders.invoice.load(file.invoiceId))!;
  }

  @FieldResolver(() => String, { nullable: true })
  lastError(@Root() file: EInvoice, @Ctx() { actor }: Context): string | null {
    return actor?.isAdmin ? file.lastError : null;
  }
}
