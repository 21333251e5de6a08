import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export type CounterSeries = 'INVOICE';

/**
 * The last invoice number handed out per calendar year. A row, not a sequence: the number is taken
 * inside the transaction that issues the invoice, so a rollback gives it back and no gap is left.
 * (Order codes may have gaps and come from the `order_number_seq` sequence, which never blocks.)
 */
@Entity('document_counters')
@Check('CHK_document_counters_series', `"series" IN ('INVOICE')`)
@Check('CHK_document_counters_last_value', `"last_value" >= 0`)
export class DocumentCounter {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  series: CounterSeries;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'last_value', type: 'int', default: 0 })
  lastValue: number;
}
