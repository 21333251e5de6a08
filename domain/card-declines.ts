import type { Locale } from './money';

/**
 * Why a card payment failed, in our words: the card processor's codes (Stripe's `decline_code`,
 * else its error `code`; the test processor uses the same ones) and our own, each with its message
 * in both languages. A lost or stolen card reads as a plain decline, as Stripe advises: the
 * customer is told only that the bank refused.
 */
const DECLINED = { it: 'la carta è stata rifiutata dalla banca', en: 'the card was declined by the bank' };
const FAILED = { it: 'il pagamento con carta non è riuscito', en: 'the card payment did not go through' };

const MESSAGES: Record<string, Record<Locale, string>> = {
  card_declined: DECLINED,
  generic_decline: DECLINED,
  do_not_honor: DECLINED,
  lost_card: DECLINED,
  stolen_card: DECLINED,
  fraudulent: DECLINED,
  pickup_card: DECLINED,
  restricted_card: DECLINED,
  insufficient_funds: { it: 'fondi insufficienti sulla carta', en: 'the card has insufficient funds' },
  card_velocity_exceeded: { it: 'è stato superato il limite di spesa della carta', en: "the card's spending limit was exceeded" },
  withdrawal_count_limit_exceeded: { it: 'è stato superato il limite di spesa della carta', en: "the card's spending limit was exceeded" },
  expired_card: { it: 'la carta è scaduta', en: 'the card has expired' },
  invalid_expiry_month: { it: 'la data di scadenza della carta non è valida', en: "the card's expiry date is not valid" },
  invalid_expiry_year: { it: 'la data di scadenza della carta non è valida', en: "the card's expiry date is not valid" },
  incorrect_cvc: { it: 'il codice di sicurezza (CVC) non è corretto', en: 'the security code (CVC) is incorrect' },
  invalid_cvc: { it: 'il codice di sicurezza (CVC) non è corretto', en: 'the security code (CVC) is incorrect' },
  incorrect_number: { it: 'il numero della carta non è corretto', en: 'the card number is incorrect' },
  invalid_number: { it: 'il numero della carta non è corretto', en: 'the card number is incorrect' },
  card_not_supported: { it: 'la carta non accetta questo tipo di pagamento', en: 'the card does not accept this kind of payment' },
  currency_not_supported: { it: 'la carta non accetta pagamenti in euro', en: 'the card does not accept payments in euro' },
  processing_error: { it: "errore nell'elaborazione della carta: riprova tra qualche minuto", en: 'the card could not be processed: try again in a few minutes' },
  try_again_later: { it: "errore nell'elaborazione della carta: riprova tra qualche minuto", en: 'the card could not be processed: try again in a few minutes' },
  authentication_required: { it: "la banca chiede l'autenticazione del pagamento, che non è stata completata", en: 'the bank asked to authenticate the payment, which was not completed' },
  payment_intent_authentication_failure: { it: "la banca chiede l'autenticazione del pagamento, che non è stata completata", en: 'the bank asked to authenticate the payment, which was not completed' },
  payment_canceled: { it: 'il pagamento è stato annullato', en: 'the payment was cancelled' },
  // Ours: money collected that the order cannot take (see operations/payments/card-outcome.ts).
  order_not_payable: { it: "l'ordine non era più da pagare: l'importo addebitato verrà rimborsato", en: 'the order was no longer to be paid: the amount charged will be refunded' },
  amount_mismatch: { it: "l'importo addebitato non era il totale dell'ordine: verrà rimborsato", en: "the amount charged was not the order's total: it will be refunded" },
};

/** Our message for a failure code, in the customer's language; a code we do not know reads as a failed payment. */
export function cardFailureMessage(code: string | null, locale: Locale): string | null {
  if (code === null) return null;
  return (Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : FAILED)[locale];
}

/** The code our table knows a processor's failure by: the decline code when the bank gave one, else the error code. */
export function cardFailureCode(failure: { decline_code?: string | null; code?: string | null } | null | undefined): string | null {
  if (!failure) return null;
  return failure.decline_code || failure.code || 'unknown';
}
