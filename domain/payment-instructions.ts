/** What to write on a bank transfer or a postal slip so the payment can be matched to its order. */
export interface PaymentInstructions {
  method: 'BANK_TRANSFER' | 'POSTAL_SLIP';
  beneficiary: string;
  iban: string | null;
  bankName: string | null;
  postalAccount: string | null;
  amountCents: number;
  /** The payment reference ("causale"): the HCS code. */
  reference: string;
}

export interface OfflineAccounts { bankBeneficiary: string; bankIban: string; bankName: string; postalBeneficiary: string; postalAccount: string }

export interface PayableOrder { code: string; status: string; paymentMethod: string | null; totalCents: number }

/** The instructions of an order awaiting a bank transfer or a postal slip; none otherwise. */
export function paymentInstructions(order: PayableOrder, accounts: OfflineAccounts): PaymentInstructions | null {
  const method = order.paymentMethod;
  if (order.status !== 'AWAITING_PAYMENT' || (method !== 'BANK_TRANSFER' && method !== 'POSTAL_SLIP')) return null;
  const bank = method === 'BANK_TRANSFER';
  return {
    method,
    beneficiary: bank ? accounts.bankBeneficiary : accounts.postalBeneficiary,
    iban: bank ? accounts.bankIban : null,
    bankName: bank ? accounts.bankName : null,
    postalAccount: bank ? null : accounts.postalAccount,
    amountCents: order.totalCents,
    reference: order.code,
  };
}
