import type { BillingData, BillingKind } from '@/domain/billing/billing-data';
import { normalizeBilling } from '@/domain/billing/normalize-billing';
import { vatTreatment, type TaxProfile, type VatTreatment } from '@/domain/billing/tax-profile';
import { VAT_PERCENT } from '@/domain/money';
import type { Invoice } from '@/entities';
import type { BillingSnapshot } from '@/entities/invoice';

/*
 * What the e-invoice reads of an invoice row beyond its number, date, lines and totals: the tax treatment, the
 * credit-note columns and the billing snapshot's person or company. Older rows lack the tax columns and the
 * snapshot's names, so they are read here and nowhere else, as optional: such an invoice is a 22% invoice.
 */
interface TaxColumns { taxProfile?: TaxProfile | null; vatRatePercent?: number | null; vatNatura?: string | null }
interface SnapshotNames { kind?: BillingKind | null; firstName?: string | null; lastName?: string | null }

/** The invoice's VAT: its recorded rate (22% when not recorded) under its tax profile. */
export function vatOfInvoice(invoice: Invoice): VatTreatment {
  const columns = invoice as Invoice & TaxColumns;
  const ratePercent = columns.vatRatePercent ?? VAT_PERCENT;
  const treatment = vatTreatment(columns.taxProfile ?? 'IT_CONSUMER');
  if (treatment.ratePercent !== ratePercent || treatment.natura !== (columns.vatNatura ?? null)) {
    throw new Error(`Invoice ${invoice.id}: VAT ${ratePercent}% (${columns.vatNatura ?? 'no Natura'}) disagrees with its tax profile ${columns.taxProfile}`);
  }
  return treatment;
}

/** An invoice, or a credit note with the invoice it corrects and its reason. */
export function documentKindOf(invoice: Invoice): { kind: 'INVOICE' | 'CREDIT_NOTE'; correctsInvoiceId: string | null; reason: string | null } {
  return { kind: invoice.kind, correctsInvoiceId: invoice.correctsInvoiceId, reason: invoice.reason };
}

/**
 * The customer of the snapshot as the e-invoice wants it, normalised. A snapshot without `kind` is a company when
 * it has a VAT number, else a person; a person without first and last name has its name split at the first space.
 */
export function billingOfSnapshot(snapshot: BillingSnapshot): BillingData {
  const named = snapshot as BillingSnapshot & SnapshotNames;
  const kind: BillingKind = named.kind ?? (snapshot.vatNumber ? 'COMPANY' : 'PERSON');
  const name = snapshot.name.trim();
  const space = name.indexOf(' ');
  const billing = normalizeBilling({
    kind,
    companyName: snapshot.name,
    firstName: named.firstName ?? (space < 0 ? name : name.slice(0, space)),
    lastName: named.lastName ?? (space < 0 ? null : name.slice(space + 1)),
    country: snapshot.country,
    address: snapshot.addressLine,
    postalCode: snapshot.postalCode,
    city: snapshot.city,
    province: snapshot.province,
    fiscalCode: snapshot.fiscalCode,
    vatNumber: snapshot.vatNumber,
    sdiCode: snapshot.recipientCode,
    pec: snapshot.pecEmail,
  });
  return { ...billing, kind };
}
