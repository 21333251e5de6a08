import type { BillingData, BillingField } from './billing-data';
import { ITALY } from './countries';

/**
 * The fields the customer's e-invoice still needs (empty when none), in form order: the reason a payment is
 * refused with BILLING_INCOMPLETE. Everyone needs the name it is made out to (billing data stored before it was
 * validated may lack a person's last name), an address and a city; Italy adds the CAP and the province.
 * An Italian without a VAT number is a consumer identified by the fiscal code; a company needs its VAT number
 * (in Italy a fiscal code is enough for a body without one); a person abroad is a consumer and needs nothing more.
 */
export function missingForEInvoice(billing: BillingData): BillingField[] {
  const italian = billing.country === ITALY;
  const company = billing.kind === 'COMPANY';
  const needs: Array<[BillingField, boolean]> = [
    ['companyName', company && billing.companyName === null],
    ['firstName', !company && billing.firstName === null],
    ['lastName', !company && billing.lastName === null],
    ['address', billing.address === null],
    ['postalCode', italian && billing.postalCode === null],
    ['city', billing.city === null],
    ['province', italian && billing.province === null],
    ['fiscalCode', italian && !company && billing.vatNumber === null && billing.fiscalCode === null],
    ['vatNumber', company && billing.vatNumber === null && !(italian && billing.fiscalCode !== null)],
  ];
  return needs.filter(([, missing]) => missing).map(([field]) => field);
}
