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

export interface SellerSettings { name: string; vatNumber: string; fiscalCode: string; address: string; email: string; pec: string | null }

export function sellerSettings(): SellerSettings {
  const env = process.env;
  return {
    name: env.SELLER_NAME ?? 'HostingVirtuale S.r.l.',
    vatNumber: env.SELLER_VAT_NUMBER ?? '01234567890',
    fiscalCode: env.SELLER_FISCAL_CODE ?? env.SELLER_VAT_NUMBER ?? '01234567890',
    address: env.SELLER_ADDRESS ?? 'Via dell\'Esempio 1, 00100 Roma (RM)',
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
