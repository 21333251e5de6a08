import { Column, CreateDateColumn, type ValueTransformer } from 'typeorm';

/** bigint cents come back from pg as strings; they stay well inside Number's safe range. */
export const centsTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const cents = Number(value);
    if (!Number.isSafeInteger(cents)) throw new RangeError(`amount out of range: ${value}`);
    return cents;
  },
};

export const CENTS = { type: 'bigint', transformer: centsTransformer } as const;

/** How the customer was taxed (`domain/billing/tax-profile.ts`). */
export type TaxProfileName = 'IT_CONSUMER' | 'IT_BUSINESS' | 'EU_BUSINESS' | 'NON_EU_BUSINESS' | 'FOREIGN_CONSUMER';

export type VatRatePercent = 22 | 0;
/** The FatturaPA `Natura` of a 0% rate: services not subject to Italian VAT (art. 7-ter DPR 633/72). */
export type VatNatura = 'N2.1';

export const TAX_PROFILE_CHECK = `"tax_profile" IN ('IT_CONSUMER', 'IT_BUSINESS', 'EU_BUSINESS', 'NON_EU_BUSINESS', 'FOREIGN_CONSUMER')`;
/** 22% with no `Natura`, or 0% under N2.1 with no VAT at all. */
export const VAT_RATE_CHECK = `("vat_rate_percent" = 22 AND "vat_natura" IS NULL) OR ("vat_rate_percent" = 0 AND "vat_natura" = 'N2.1' AND "vat_cents" = 0)`;

/** The tax a quote fixed, as the quote, its order and its invoice keep it; rows from before are Italian at 22%. */
export abstract class FixedTaxColumns {
  @Column({ name: 'tax_profile', type: 'varchar', length: 20, default: 'IT_CONSUMER' })
  taxProfile: TaxProfileName;

  @Column({ name: 'vat_rate_percent', type: 'int', default: 22 })
  vatRatePercent: VatRatePercent;

  /** Set when the rate is 0. */
  @Column({ name: 'vat_natura', type: 'varchar', length: 4, nullable: true })
  vatNatura: VatNatura | null;
}

/**
 * What every outbox row carries beside its own status (operations/outbox/deliver-due.ts): the attempts made,
 * when the next one is due, the last failure, when it was queued and sent.
 */
export abstract class OutboxColumns {
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  /** Kept to the millisecond, like a JS Date, so that it can be a list's exact cursor. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
