import type { DataSource, EntityManager } from 'typeorm';
import { yearOf } from '@/domain/calendar';
import { leftToCredit, partialCreditTotals } from '@/domain/credit-note';
import { invoiceNumber, parseInvoiceNumber } from '@/domain/documents';
import type { Totals } from '@/domain/money';
import { Invoice, InvoiceLine } from '@/entities';
import { today } from '@/lib/clock';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError, Validation } from '../errors';
import { assertBackOffice, withinReach } from '../scope';
import { issueEInvoice } from '../einvoices/issue-e-invoice';
import { queueInvoiceIssued } from '../webhooks/events';
import { takeNextNumber } from './document-counter';

export interface CreditNoteInput {
  invoiceNumber: string;
  /** The net amount credited; omitted, the whole invoice is. */
  amountCents?: number | null;
  reason: string;
}

/** The reason is also the line of a partial credit note, after "Nota di credito su fattura YYYY/NNNNNN: ". */
export const REASON_MAX_LENGTH = 250;

/**
 * What a credit note takes over from the invoice it corrects: the customer, its billing data as on the invoice,
 * the payment method, and the invoice's tax profile, VAT rate and Natura.
 */
function takenFromInvoice(invoice: Invoice): Pick<Invoice, 'accountId' | 'billing' | 'paymentMethod' | 'taxProfile' | 'vatRatePercent' | 'vatNatura'> {
  const { accountId, billing, paymentMethod, taxProfile, vatRatePercent, vatNatura } = invoice;
  return { accountId, billing, paymentMethod, taxProfile, vatRatePercent, vatNatura };
}

async function lockInvoice(manager: EntityManager, actor: Actor, text: string): Promise<Invoice> {
  const parsed = parseInvoiceNumber(text);
  if (!parsed) throw new UserInputError('INVALID', 'an invoice number is written YYYY/NNNNNN', 'invoiceNumber');
  const query = manager.createQueryBuilder(Invoice, 'invoice').setLock('pessimistic_write')
    .where('invoice.year = :year AND invoice.number = :number', parsed);
  const invoice = await withinReach(query, 'invoice.accountId', actor).getOne();
  if (!invoice) throw new UserInputError('NOT_FOUND', `no invoice ${invoiceNumber(parsed.year, parsed.number)}`, 'invoiceNumber');
  if (invoice.kind !== 'INVOICE') throw new UserInputError('NOT_AN_INVOICE', `${invoiceNumber(invoice.year, invoice.number)} is a credit note`, 'invoiceNumber');
  return invoice;
}

/** The totals and lines of the credit note, or the reason it cannot be issued. */
async function creditFor(manager: EntityManager, invoice: Invoice, amountCents: number | null, reason: string): Promise<{ totals: Totals; lines: { position: number; description: string; amountCents: number }[] }> {
  const number = invoiceNumber(invoice.year, invoice.number);
  const earlier = await manager.find(Invoice, { where: { correctsInvoiceId: invoice.id }, select: { netCents: true, vatCents: true, totalCents: true } });
  const left = leftToCredit(invoice, earlier);
  if (amountCents === null) {
    if (earlier.length) throw new UserInputError('CREDIT_EXCEEDS_INVOICE', `invoice ${number} already has credit notes: credit what is left (${left.netCents} cents net) with amountCents`, 'amountCents');
    const lines = await manager.find(InvoiceLine, { where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
    const { netCents, vatCents, totalCents } = invoice;
    return { totals: { netCents, vatCents, totalCents }, lines: lines.map(({ position, description, amountCents: cents }) => ({ position, description, amountCents: cents })) };
  }
  if (amountCents > left.netCents) {
    throw new UserInputError('CREDIT_EXCEEDS_INVOICE', `${amountCents} cents exceed the ${left.netCents} cents net left to credit on invoice ${number}`, 'amountCents');
  }
  return {
    totals: partialCreditTotals(left, invoice.vatRatePercent, amountCents),
    lines: [{ position: 1, description: `Nota di credito su fattura ${number}: ${reason}`, amountCents }],
  };
}

/**
 * The back office corrects an issued invoice with a credit note (TD04): the whole invoice (every line, the
 * same totals) or a net amount of it (one line, VAT at the invoice's rate), never more than is left after
 * earlier credit notes. Numbered in the invoices' gapless yearly sequence, dated today, with the billing
 * data of the invoice it corrects; issued with its e-invoice and its `invoice.issued` webhook event in one
 * transaction, and audited.
 */
export async function issueCreditNote(db: DataSource, actor: Actor, input: CreditNoteInput): Promise<Invoice> {
  assertBackOffice(actor);
  const reason = input.reason.trim();
  const amountCents = input.amountCents ?? null;
  new Validation()
    .check(reason.length > 0, 'reason', 'REQUIRED', 'a credit note says why it is issued')
    .check(reason.length <= REASON_MAX_LENGTH, 'reason', 'TOO_LONG', `the reason is at most ${REASON_MAX_LENGTH} characters`)
    .check(amountCents === null || (Number.isSafeInteger(amountCents) && amountCents > 0), 'amountCents', 'INVALID', 'amountCents is the net amount credited: a positive whole number of cents')
    .throwIfInvalid();
  return db.transaction(async (manager) => {
    const invoice = await lockInvoice(manager, actor, input.invoiceNumber);
    const { totals, lines } = await creditFor(manager, invoice, amountCents, reason);
    const issuedOn = today();
    const year = yearOf(issuedOn);
    const creditNote = await manager.save(Invoice, manager.create(Invoice, {
      ...takenFromInvoice(invoice),
      kind: 'CREDIT_NOTE',
      year,
      number: await takeNextNumber(manager, 'INVOICE', year),
      orderId: null,
      correctsInvoiceId: invoice.id,
      reason,
      issuedOn,
      netCents: totals.netCents,
      vatCents: totals.vatCents,
      totalCents: totals.totalCents,
    }));
    await manager.insert(InvoiceLine, lines.map((line) => ({ ...line, invoiceId: creditNote.id })));
    await issueEInvoice(manager, creditNote);
    await queueInvoiceIssued(manager, creditNote, { corrects: invoice });
    await recordAudit(manager, actor, {
      action: 'invoice.credit_note_issued', entityType: 'Invoice', entityId: creditNote.id, accountId: creditNote.accountId,
      after: { number: invoiceNumber(year, creditNote.number), corrects: invoiceNumber(invoice.year, invoice.number), reason, ...totals },
    });
    return creditNote;
  });
}
