import { cardFailureCode, cardFailureMessage } from '@/domain/card-declines';
import { testCardDecline } from '@/lib/payments/test-processor';

describe('card failure messages', () => {
  it("say in both languages why a card was refused, for Stripe's codes and the test processor's", () => {
    expect(cardFailureMessage('generic_decline', 'it')).toBe('la carta è stata rifiutata dalla banca');
    expect(cardFailureMessage('generic_decline', 'en')).toBe('the card was declined by the bank');
    expect(cardFailureMessage('insufficient_funds', 'it')).toBe('fondi insufficienti sulla carta');
    expect(cardFailureMessage('expired_card', 'en')).toBe('the card has expired');
    expect(cardFailureMessage('incorrect_cvc', 'it')).toBe('il codice di sicurezza (CVC) non è corretto');
    for (const card of ['4000000000000002', '4000000000009995', '4000000000000069', '4000000000000127', '4000000000000119', '4000000000009987', '4000000000009979', '1234']) {
      const code = testCardDecline(card)!;
      expect(cardFailureMessage(code, 'it')).not.toBe(cardFailureMessage('unknown', 'it'));
    }
  });

  it('tell a lost or stolen card only as a decline, and anything unknown as a failed payment', () => {
    expect(cardFailureMessage('lost_card', 'it')).toBe(cardFailureMessage('card_declined', 'it'));
    expect(cardFailureMessage('stolen_card', 'en')).toBe('the card was declined by the bank');
    expect(cardFailureMessage('no_such_code', 'it')).toBe('il pagamento con carta non è riuscito');
    expect(cardFailureMessage('toString', 'en')).toBe('the card payment did not go through');
    expect(cardFailureMessage(null, 'it')).toBeNull();
  });

  it("take the bank's decline code before Stripe's error code", () => {
    expect(cardFailureCode({ code: 'card_declined', decline_code: 'insufficient_funds' })).toBe('insufficient_funds');
    expect(cardFailureCode({ code: 'expired_card' })).toBe('expired_card');
    expect(cardFailureCode({})).toBe('unknown');
    expect(cardFailureCode(null)).toBeNull();
  });
});
