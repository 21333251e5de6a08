import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CENTS } from './columns';
import { Invoice } from './invoice';

@Entity('invoice_lines')
@Index('UQ_invoice_lines_position', ['invoiceId', 'position'], { unique: true })
export class InvoiceLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @ManyToOne(() => Invoice, (invoice) => invoice.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: Relation<Invoice>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Column({ name: 'amount_cents', ...CENTS })
  amountCents: number;
}
