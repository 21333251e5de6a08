import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { EInvoice, Invoice } from '@/entities';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError } from '../errors';
import { writeEInvoice } from './issue-e-invoice';
import { assertBackOffice } from '../scope';

const INVOICE_NUMBER = /^(\d{4})\/(\d{1,9})$/;

/**
 * The back office sends a rejected e-invoice again: a new file (the next name of the sequence) with the same
 * number and date, its XML rebuilt from the invoice row — which is never edited — and the seller's configuration
 * as it is now (a rejection caused by the seller's data is corrected in the configuration). The rejected file
 * keeps its XML and status, and names the new one. Only the invoice's current file, and only when REJECTED.
 */
export async function resendEInvoice(db: DataSource, actor: Actor | null, input: { invoiceNumber: string }): Promise<EInvoice> {
  assertBackOffice(actor);
  const number = INVOICE_NUMBER.exec(input.invoiceNumber.trim());
  if (!number) throw new UserInputError('INVALID', 'invoiceNumber is written YYYY/NNNNNN', 'invoiceNumber');
  return db.transaction(async (manager) => {
    const invoice = await manager.findOneBy(Invoice, { year: Number(number[1]), number: Number(number[2]) });
    const current = invoice && await manager.createQueryBuilder(EInvoice, 'file').setLock('pessimistic_write')
      .where('file.invoiceId = :invoiceId AND file.supersededById IS NULL', { invoiceId: invoice.id }).getOne();
    if (!invoice || !current) throw new UserInputError('NOT_FOUND', `no e-invoice of invoice ${input.invoiceNumber.trim()}`, 'invoiceNumber');
    if (current.status !== 'REJECTED') {
      throw new UserInputError('NOT_REJECTED', `${current.fileName} is ${current.status}: only a file rejected by the SdI is sent again`, 'invoiceNumber');
    }
    // The rejected file names its successor first (checked at commit), so that the invoice never has two current files.
    const id = randomUUID();
    await manager.update(EInvoice, { id: current.id }, { supersededById: id });
    const fresh = await writeEInvoice(manager, invoice, { id });
    await recordAudit(manager, actor, {
      action: 'einvoice.resent', entityType: 'EInvoice', entityId: fresh.id, accountId: invoice.accountId,
      before: { fileName: current.fileName, status: current.status }, after: { fileName: fresh.fileName, status: fresh.status },
    });
    return fresh;
  });
}
