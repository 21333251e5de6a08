import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { centsTransformer, OutboxColumns } from './columns';
import { Invoice } from './invoice';

export type EInvoiceStatus = 'TO_SEND' | 'SENT' | 'DELIVERED' | 'NOT_DELIVERABLE' | 'REJECTED';
export const E_INVOICE_STATUSES: readonly EInvoiceStatus[] = ['TO_SEND', 'SENT', 'DELIVERED', 'NOT_DELIVERABLE', 'REJECTED'];

/** How a file went out: kept for the back office (`capture`) or mailed to the SdI (`pec`). */
export type EInvoiceChannelName = 'capture' | 'pec';

/**
 * One FatturaPA file of an invoice or credit note, written in the transaction that issues it and sent by the
 * transmission worker (an outbox, like the emails'). A rejected file is sent again as a new row; the old one
 * keeps its XML and status and names its successor. The invoice's current document is its one row without a
 * successor. The database refuses to change a row's XML, file name, progressive or invoice, or to delete it.
 */
@Entity('e_invoices')
@Check('CHK_e_invoices_status', `"status" IN ('TO_SEND', 'SENT', 'DELIVERED', 'NOT_DELIVERABLE', 'REJECTED')`)
@Index('UQ_e_invoices_current', ['invoiceId'], { unique: true, where: `"superseded_by_id" IS NULL` })
@Index('IDX_e_invoices_invoice', ['invoiceId'])
@Index('IDX_e_invoices_due', ['nextAttemptAt'], { where: `"status" = 'TO_SEND'` })
@Index('IDX_e_invoices_current_created', ['createdAt', 'id'], { where: `"superseded_by_id" IS NULL` })
@Index('IDX_e_invoices_current_status_created', ['status', 'createdAt', 'id'], { where: `"superseded_by_id" IS NULL` })
export class EInvoice extends OutboxColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: Relation<Invoice>;

  /** `IT<seller VAT number>_<5 alphanumerics>.xml`. */
  @Index('UQ_e_invoices_file_name', { unique: true })
  @Column({ name: 'file_name', type: 'varchar', length: 50 })
  fileName: string;

  /** From the sequence `e_invoice_file_seq`: the file name's 5 alphanumerics and `ProgressivoInvio`. */
  @Index('UQ_e_invoices_progressive', { unique: true })
  // A bigint read back as a number, as amounts are.
  @Column({ type: 'bigint', transformer: centsTransformer })
  progressive: number;

  @Column({ type: 'text', select: false })
  xml: string;

  @Column({ type: 'varchar', length: 16, default: 'TO_SEND' })
  status: EInvoiceStatus;

  /** The channel that sent it, once sent. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  channel: EInvoiceChannelName | null;

  /** The file that replaced this rejected one (`resendEInvoice`). Checked at commit: the new row comes second. */
  @Column({ name: 'superseded_by_id', type: 'uuid', nullable: true })
  supersededById: string | null;

  @ManyToOne(() => EInvoice, { onDelete: 'RESTRICT', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'superseded_by_id' })
  supersededBy?: Relation<EInvoice>;
}
