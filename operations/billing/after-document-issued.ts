import type { EntityManager } from 'typeorm';
import type { Invoice } from '@/entities';

/**
 * What follows the issue of any invoice or credit note, in the transaction that issues it: the one place
 * where its FatturaPA document is written (`issueEInvoice(manager, invoice)` of operations/einvoices, once
 * it exists), so no document is issued without its XML and a rollback takes both back. Nothing yet.
 */
export async function afterDocumentIssued(manager: EntityManager, invoice: Invoice): Promise<void> {}
