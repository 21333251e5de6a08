import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EInvoiceDocument, Seller } from '@/domain/einvoice/document';
import { eInvoiceFileName } from '@/domain/einvoice/file-name';
import { buildFpr12 } from '@/domain/einvoice/fpr12';
import { EInvoice, Invoice, InvoiceLine } from '@/entities';
import { eInvoiceDocument, sellerOf } from './e-invoice-document';

type DocumentLines = readonly Pick<InvoiceLine, 'description' | 'amountCents'>[];

/** The FatturaPA model of an invoice row, everything read from the row (and the invoice a credit note corrects); its lines read unless given. */
async function documentOf(manager: EntityManager, invoice: Invoice, seller: Seller, progressive: number, given?: DocumentLines): Promise<EInvoiceDocument> {
  const lines = given ?? await manager.find(InvoiceLine, { where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
  const corrected = invoice.correctsInvoiceId ? await manager.findOneByOrFail(Invoice, { id: invoice.correctsInvoiceId }) : null;
  return eInvoiceDocument(invoice, lines, corrected, seller, progressive);
}

/** The next progressive of the FatturaPA files (a sequence: taking it locks nothing, a rollback leaves a gap). */
export async function takeProgressive(manager: EntityManager): Promise<number> {
  const [{ progressive }]: { progressive: string }[] = await manager.query(`SELECT nextval('e_invoice_file_seq') AS progressive`);
  return Number(progressive);
}

/**
 * What the caller of `writeEInvoice` has already: the new file's `id` (a resend points the rejected file at it
 * first), the invoice's `lines` in order (just written), its `progressive` (taken before the invoice's number, so
 * the counter row is not held for it).
 */
export interface EInvoiceGiven { id?: string; lines?: DocumentLines; progressive?: number }

/**
 * Writes a new FatturaPA file of the invoice (TO_SEND), in the caller's transaction: the next progressive of
 * the sequence, its file name, and the XML built from the invoice row and the seller's configuration.
 */
export async function writeEInvoice(manager: EntityManager, invoice: Invoice, given: EInvoiceGiven = {}): Promise<EInvoice> {
  const progressive = given.progressive ?? await takeProgressive(manager);
  const seller = sellerOf();
  const document = await documentOf(manager, invoice, seller, progressive, given.lines);
  // insert, not save: save would first look the new id up. The defaults (status, created_at) come back by RETURNING.
  const file = manager.create(EInvoice, {
    id: given.id ?? randomUUID(),
    invoiceId: invoice.id,
    fileName: eInvoiceFileName(seller.vatNumber, document.progressive),
    progressive: document.progressive,
    xml: buildFpr12(document),
  });
  await manager.insert(EInvoice, file);
  return file;
}

/**
 * Every invoice and credit note is also a FatturaPA document (docs/product-rules.md, Electronic invoices): called
 * in the transaction that issues it, so the two commit together; the transmission worker sends it after commit.
 */
export function issueEInvoice(manager: EntityManager, invoice: Invoice, given: Omit<EInvoiceGiven, 'id'> = {}): Promise<EInvoice> {
  return writeEInvoice(manager, invoice, given);
}
