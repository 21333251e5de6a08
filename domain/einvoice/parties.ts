import type { BillingData } from '../billing/billing-data';
import { ITALY } from '../billing/countries';
import type { Seller } from './document';
import { latin1Text } from './latin1';

/** Maximum lengths of the schema's Latin-1 text types (String60LatinType…), which a value is cut to. */
export const MAX = { name: 80, personName: 60, street: 60, city: 60, description: 1000, causale: 200, legalReference: 100, beneficiary: 200, bank: 80 } as const;

/** A required text element: cut to its length; a value left empty by the Latin-1 rules still fills the element. */
export function requiredText(value: string | null, maxLength: number): string {
  return latin1Text(value ?? '', maxLength) || '-';
}

export const FOREIGN_RECIPIENT = 'XXXXXXX';
export const NO_RECIPIENT = '0000000';
/** The id the SdI accepts for a customer abroad without a VAT number or tax id. */
export const NO_FOREIGN_TAX_ID = '99999999999';
const FOREIGN_POSTAL_CODE = '00000';
const CAP = /^[0-9]{5}$/;

/** `CodiceDestinatario` and, for an Italian customer without an SdI code, its PEC. */
export function recipientOf(customer: BillingData): { CodiceDestinatario: string; PECDestinatario?: string } {
  if (customer.country !== ITALY) return { CodiceDestinatario: FOREIGN_RECIPIENT };
  if (customer.sdiCode) return { CodiceDestinatario: customer.sdiCode };
  return { CodiceDestinatario: NO_RECIPIENT, ...(customer.pec ? { PECDestinatario: customer.pec } : {}) };
}

export function sellerBlock(seller: Seller) {
  return {
    DatiAnagrafici: {
      IdFiscaleIVA: { IdPaese: ITALY, IdCodice: seller.vatNumber },
      ...(seller.fiscalCode ? { CodiceFiscale: seller.fiscalCode } : {}),
      Anagrafica: { Denominazione: requiredText(seller.name, MAX.name) },
      RegimeFiscale: seller.regimeFiscale,
    },
    Sede: {
      Indirizzo: requiredText(seller.address.street, MAX.street),
      CAP: seller.address.postalCode,
      Comune: requiredText(seller.address.city, MAX.city),
      Provincia: seller.address.province,
      Nazione: ITALY,
    },
    ...(seller.email ? { Contatti: { Email: seller.email } } : {}),
  };
}

function anagraficaOf(customer: BillingData) {
  return customer.kind === 'PERSON'
    ? { Nome: requiredText(customer.firstName, MAX.personName), Cognome: requiredText(customer.lastName, MAX.personName) }
    : { Denominazione: requiredText(customer.companyName, MAX.name) };
}

/**
 * An Italian customer: VAT number and/or fiscal code as given. A customer abroad: `IdFiscaleIVA` with its country
 * and VAT number or tax id (eleven 9s when it has none), never an Italian `CodiceFiscale`; the schema's 5-digit
 * CAP is `00000` unless the foreign code happens to be 5 digits, and then the real postal code goes with the town;
 * no province.
 */
export function customerBlock(customer: BillingData) {
  const country = customer.country ?? ITALY;
  const italian = country === ITALY;
  const ids = italian
    ? {
      ...(customer.vatNumber ? { IdFiscaleIVA: { IdPaese: ITALY, IdCodice: customer.vatNumber } } : {}),
      ...(customer.fiscalCode ? { CodiceFiscale: customer.fiscalCode } : {}),
    }
    : { IdFiscaleIVA: { IdPaese: country, IdCodice: customer.vatNumber ?? NO_FOREIGN_TAX_ID } };
  const postalCode = customer.postalCode ?? '';
  const capFits = CAP.test(postalCode);
  const town = italian || capFits || !postalCode ? customer.city : `${postalCode} ${customer.city ?? ''}`;
  return {
    DatiAnagrafici: { ...ids, Anagrafica: anagraficaOf(customer) },
    Sede: {
      Indirizzo: requiredText(customer.address, MAX.street),
      CAP: capFits ? postalCode : FOREIGN_POSTAL_CODE,
      Comune: requiredText(town, MAX.city),
      ...(italian && customer.province ? { Provincia: customer.province } : {}),
      Nazione: country,
    },
  };
}
