import type { RegimeFiscale } from '@/domain/einvoice/document';

/** Payment configuration, read from the environment; every value has a demo default. */

export interface OfflinePaymentSettings {
  bankBeneficiary: string;
  bankIban: string;
  bankName: string;
  postalBeneficiary: string;
  postalAccount: string;
}

export function offlinePaymentSettings(): OfflinePaymentSettings {
  const env = process.env;
  return {
    bankBeneficiary: env.BANK_BENEFICIARY ?? 'HostingVirtuale S.r.l.',
    bankIban: env.BANK_IBAN ?? 'IT60X0542811101000000123456',
    bankName: env.BANK_NAME ?? 'Banca di Esempio',
    postalBeneficiary: env.POSTAL_BENEFICIARY ?? env.BANK_BENEFICIARY ?? 'HostingVirtuale S.r.l.',
    postalAccount: env.POSTAL_ACCOUNT ?? '000012345678',
  };
}

/**
 * The seller (cedente/prestatore) printed on invoices and written in every e-invoice. An Italian seller: its VAT
 * number is also the e-invoices' transmitter id and file names' prefix, and its `Nazione` is IT.
 */
export interface SellerSettings {
  name: string;
  vatNumber: string;
  fiscalCode: string;
  /** The address as printed on the PDF. */
  address: string;
  /** The address in the e-invoice's parts: Indirizzo, CAP, Comune, Provincia. */
  street: string;
  postalCode: string;
  city: string;
  province: string;
  regimeFiscale: RegimeFiscale;
  email: string;
  pec: string | null;
}

const REGIME_FISCALE = /^RF(0[1-24-9]|1[0-9])$/;

export function sellerSettings(): SellerSettings {
  const env = process.env;
  const street = env.SELLER_STREET ?? 'Via dell\'Esempio 1';
  const postalCode = env.SELLER_POSTAL_CODE ?? '00100';
  const city = env.SELLER_CITY ?? 'Roma';
  const province = (env.SELLER_PROVINCE ?? 'RM').toUpperCase();
  const regimeFiscale = env.SELLER_REGIME_FISCALE ?? 'RF01';
  if (!REGIME_FISCALE.test(regimeFiscale)) throw new Error(`SELLER_REGIME_FISCALE must be one of the SdI's regimes RF01…RF19 (no RF03), not ${regimeFiscale}`);
  return {
    name: env.SELLER_NAME ?? 'HostingVirtuale S.r.l.',
    vatNumber: env.SELLER_VAT_NUMBER ?? '01234567890',
    fiscalCode: env.SELLER_FISCAL_CODE ?? env.SELLER_VAT_NUMBER ?? '01234567890',
    address: env.SELLER_ADDRESS ?? `${street}, ${postalCode} ${city} (${province})`,
    street,
    postalCode,
    city,
    province,
    regimeFiscale: regimeFiscale as RegimeFiscale,
    email: env.SELLER_EMAIL ?? 'amministrazione@example.it',
    pec: env.SELLER_PEC ?? 'hostingvirtuale@pec.example.it',
  };
}

export interface StripeSettings { secretKey: string; publishableKey: string | null; webhookSecret: string | null; apiBase: string | null }

/** Stripe when a secret key is configured; otherwise card payments go to the built-in test processor. */
export function stripeSettings(): StripeSettings | null {
  const secretKey = process.env.STRIPE_SECRET_KEY;
  if (!secretKey) return null;
  return {
    secretKey,
    publishableKey: process.env.STRIPE_PUBLISHABLE_KEY ?? null,
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? null,
    apiBase: process.env.STRIPE_API_BASE ?? null,
  };
}
