import { paymentInstructions } from '@/domain/payment-instructions';

const accounts = { bankBeneficiary: 'Banca Ben', bankIban: 'IT00X', bankName: 'Banca', postalBeneficiary: 'Posta Ben', postalAccount: '0001' };
const order = { code: 'HCS-2026-000007', status: 'AWAITING_PAYMENT', totalCents: 3059 };

describe('payment instructions', () => {
  it('give the IBAN for a bank transfer and the postal account for a slip, with the HCS code as the reference', () => {
    expect(paymentInstructions({ ...order, paymentMethod: 'BANK_TRANSFER' }, accounts)).toEqual({
      method: 'BANK_TRANSFER', beneficiary: 'Banca Ben', iban: 'IT00X', bankName: 'Banca', postalAccount: null, amountCents: 3059, reference: 'HCS-2026-000007',
    });
    expect(paymentInstructions({ ...order, paymentMethod: 'POSTAL_SLIP' }, accounts)).toEqual({
      method: 'POSTAL_SLIP', beneficiary: 'Posta Ben', iban: null, bankName: null, postalAccount: '0001', amountCents: 3059, reference: 'HCS-2026-000007',
    });
  });

  it('are none for a card payment or an order no longer awaiting payment', () => {
    expect(paymentInstructions({ ...order, paymentMethod: 'CARD' }, accounts)).toBeNull();
    expect(paymentInstructions({ ...order, paymentMethod: 'BANK_TRANSFER', status: 'FULFILLED' }, accounts)).toBeNull();
  });
});
