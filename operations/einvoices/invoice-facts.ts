import type { BillingData } from '@/domain/billing/billing-data';
import { normalizeBilling } from '@/domain/billing/normalize-billing';
import { vatTreatment, type VatTreatment } from '@/domain/billing/tax-profile';
import type { Invoice } from '@/entities';
import { billingOfSnapshot } from '../billing-details/account-billing';

/** The invoice's VAT: the treatment of its tax profile, which the rate and Natura it recorded must agree with. */
export function vatOfInvoice(invoice: Pick<Invoice, 'id' | 'taxProfile' | 'vatRatePercent' | 'vatNatura'>): VatTreatment {
  const treatment = vatTreatment(invoice.taxProfile);
  if (treatment.ratePercent !== invoice.vatRatePercent || treatment.natura !== invoice.vatNatura) {
    throw new Error(`Invoice ${invoice.id}: VAT ${invoice.vatRatePercent}% (${invoice.vatNatura ?? 'no Natura'}) disagrees with its tax profile ${invoice.taxProfile}`);
  }
  return treatment;
}

/** The customer as the e-invoice names it: the billing data the invoice kept (old snapshots' names derived), tidied. */
export function customerOf(invoice: Pick<Invoice, 'billing'>): BillingData {
  const billing = billingOfSnapshot(invoice.billing);
  return { ...normalizeBilling(billing), kind: billing.kind };
}
