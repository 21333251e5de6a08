import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CENTS } from './columns';
import { Order } from './order';

@Entity('order_lines')
@Index('UQ_order_lines_position', ['orderId', 'position'], { unique: true })
export class OrderLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => Order, (order) => order.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<Order>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  /** Signed: a credit is negative. */
  @Column({ name: 'amount_cents', ...CENTS })
  amountCents: number;
}
