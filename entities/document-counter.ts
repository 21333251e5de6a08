import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export type CounterSeries = 'ORDER' | 'INVOICE';

/**
 * The last number handed out per series and calendar year. A row, not a sequence: the number is
 * taken inside the transaction that uses it, so a rollback gives it back and no gap is left.
 */
@Entity('document_counters')
@Check('CHK_document_counters_series', `"series" IN ('ORDER', 'INVOICE')`)
@Check('CHK_document_counters_last_value', `"last_value" >= 0`)
export class DocumentCounter {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  series: CounterSeries;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'last_value', type: 'int', default: 0 })
  lastValue: number;
}
