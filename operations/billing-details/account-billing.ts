import type { BillingData } from '@/domain/billing/billing-data';
import { displayName, namesOf } from '@/domain/billing/stored-names';
import type { Account } from '@/entities';
import type { BillingSnapshot } from '@/entities/invoice';

/** The account's billing data as it is now, as an invoice keeps it. */
export function billingSnapshot(account: Account): BillingSnapshot {
  return {
    name: account.name,
    kind: account.billingKind,
    firstName: account.firstName,
    lastName: account.lastName,
    fiscalCode: account.fiscalCode,
    vatNumber: account.vatNumber,
    addressLine: account.addressLine,
    postalCode: account.postalCode,
    city: account.city,
    province: account.province,
    country: account.country,
    recipientCode: account.recipientCode,
    pecEmail: account.pecEmail,
  };
}

/** Billing data kept by an invoice (or an account) in the shape the billing rules take; old snapshots' names derived. */
export function billingOfSnapshot(snapshot: BillingSnapshot): BillingData {
  return {
    ...namesOf(snapshot),
    country: snapshot.country,
    address: snapshot.addressLine,
    postalCode: snapshot.postalCode,
    city: snapshot.city,
    province: snapshot.province,
    fiscalCode: snapshot.fiscalCode,
    vatNumber: snapshot.vatNumber,
    sdiCode: snapshot.recipientCode,
    pec: snapshot.pecEmail,
  };
}

export function billingOf(account: Account): BillingData {
  return billingOfSnapshot(billingSnapshot(account));
}

/** The account's columns that hold the billing data; `name` is the display name (the company's, or the person's). */
export function billingColumns(billing: BillingData, name = displayName(billing)) {
  return {
    name,
    billingKind: billing.kind,
    firstName: billing.firstName,
    lastName: billing.lastName,
    country: billing.country ?? 'IT',
    addressLine: billing.address,
    postalCode: billing.postalCode,
    city: billing.city,
    province: billing.province,
    fiscalCode: billing.fiscalCode,
    vatNumber: billing.vatNumber,
    recipientCode: billing.sdiCode,
    pecEmail: billing.pec,
  } satisfies Partial<Account>;
}
