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

/**
 * Writes a new FatturaPA file of the invoice (TO_SEND), in the caller's transaction: the next progressive of
 * the sequence, its file name, and the XML built from the invoice row and the seller's configuration. `id` is
 * given by a resend, which points the rejected file at it first; `lines`, the invoice's lines in order, by the caller that
 * has just written them.
 */
export async function writeEInvoice(manager: EntityManager, invoice: Invoice, id: string = randomUUID(), lines?: DocumentLines): Promise<EInvoice> {
  const [{ progressive }]: { progressive: string }[] = await manager.query(`SELECT nextval('e_invoice_file_seq') AS progressive`);
  const seller = sellerOf();
  const document = await documentOf(manager, invoice, seller, Number(progressive), lines);
  return manager.save(EInvoice, manager.create(EInvoice, {
    id,
    invoiceId: invoice.id,
    fileName: eInvoiceFileName(seller.vatNumber, document.progressive),
    progressive: document.progressive,
    xml: buildFpr12(document),
  }));
}

/**
 * Every invoice and credit note is also a FatturaPA document (docs/product-rules.md, Electronic invoices): called
 * in the transaction that issues it, so the two commit together; the transmission worker sends it after commit.
 */
export function issueEInvoice(manager: EntityManager, invoice: Invoice, lines?: DocumentLines): Promise<EInvoice> {
  return writeEInvoice(manager, invoice, randomUUID(), lines);
}
