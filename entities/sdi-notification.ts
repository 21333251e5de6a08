import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EInvoice } from './e-invoice';

export type SdiNotificationKind = 'RC' | 'NS' | 'MC';

/** A notification of the SdI about a sent file, as imported by the back office. Never changed nor deleted. */
@Entity('sdi_notifications')
@Check('CHK_sdi_notifications_kind', `"kind" IN ('RC', 'NS', 'MC')`)
@Index('IDX_sdi_notifications_e_invoice', ['eInvoiceId', 'createdAt'])
export class SdiNotification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'e_invoice_id', type: 'uuid' })
  eInvoiceId: string;

  @ManyToOne(() => EInvoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'e_invoice_id' })
  eInvoice?: Relation<EInvoice>;

  @Column({ type: 'varchar', length: 2 })
  kind: SdiNotificationKind;

  /** The notification's own file name, e.g. `IT01234567890_00001_NS_001.xml`. */
  @Column({ name: 'file_name', type: 'varchar', length: 100 })
  fileName: string;

  /** The SdI's id of the sent file. */
  @Column({ name: 'identificativo_sdi', type: 'varchar', length: 12 })
  identificativoSdi: string;

  /** The SdI's id of this message: the same notification imported again is recognised by it. */
  @Index('UQ_sdi_notifications_message_id', { unique: true })
  @Column({ name: 'message_id', type: 'varchar', length: 14 })
  messageId: string;

  /** When the SdI received the sent file (`DataOraRicezione`). */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** NS: the reasons of the rejection. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  errors: Array<{ code: string; description: string }>;

  @Column({ type: 'text', select: false })
  xml: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
