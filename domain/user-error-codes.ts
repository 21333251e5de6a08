import type { Locale } from './money';

/** What the portal tells a visitor about a problem, in each language it speaks. */
export type UserErrorMessages = Readonly<Record<Locale, string>>;

/**
 * Every code of a problem the caller can fix, with its message per language. The API publishes the
 * codes as the enum `UserErrorCode` (`UserError.code` in mutations, `extensions.problems[].code` in a
 * query's BAD_USER_INPUT) next to its own English `message`, which may say more (which order, which
 * limit); the portal shows these messages. A new code is one more line here.
 */
const MESSAGES = {
  INVALID: { en: 'A value is not valid: correct it and try again.', it: 'Un valore non è valido: correggilo e riprova.' },
  REQUIRED: { en: 'Something required is missing: fill it in and try again.', it: 'Manca un dato obbligatorio: inseriscilo e riprova.' },
  TOO_LONG: { en: 'A value is too long: shorten it and try again.', it: 'Un valore è troppo lungo: accorcialo e riprova.' },
  INVALID_CHECK_DIGIT: { en: 'The check character does not match: look for a typing error.', it: 'Il carattere di controllo non corrisponde: verifica di averlo scritto correttamente.' },
  NOT_FOUND: { en: 'Not found: it does not exist, or it is not yours to see.', it: 'Non trovato: non esiste, oppure non è tra quelli che puoi vedere.' },
  INVALID_CURSOR: { en: 'The list cannot continue from there: start it again.', it: "L'elenco non può proseguire da lì: ricomincia dall'inizio." },
  CODE_TAKEN: { en: 'A product with this code already exists.', it: 'Esiste già un prodotto con questo codice.' },
  EMAIL_TAKEN: { en: 'A login with this email already exists.', it: 'Esiste già un accesso con questa email.' },
  INVALID_TOKEN: { en: 'The link is not valid or has expired: ask for a new one.', it: 'Il link non è valido o è scaduto: richiedine uno nuovo.' },
  NOT_AVAILABLE: { en: 'This is not available here.', it: 'Questa operazione qui non è disponibile.' },
  SERVICE_INACTIVE: { en: 'The service is no longer active.', it: 'Il servizio non è più attivo.' },
  SAME_PRODUCT: { en: 'The service already has this product.', it: 'Il servizio ha già questo prodotto.' },
  ALREADY_CANCELLED: { en: 'The service already has a confirmed cancellation.', it: 'Il servizio ha già una disdetta confermata.' },
  CANCELLATION_PENDING: { en: 'The service has a confirmed cancellation: withdraw the cancellation first.', it: 'Il servizio ha una disdetta confermata: annulla prima la disdetta.' },
  NO_CANCELLATION: { en: 'The service has no confirmed cancellation.', it: 'Il servizio non ha una disdetta confermata.' },
  TOO_LATE: { en: 'The cancellation has already taken effect.', it: 'La disdetta è già diventata effettiva.' },
  QUOTE_EXPIRED: { en: 'The quote expired: ask for a new one.', it: 'Il preventivo è scaduto: richiedine uno nuovo.' },
  QUOTE_STALE: { en: 'The service changed since this quote was made: ask for a new one.', it: 'Il servizio è cambiato dopo questo preventivo: richiedine uno nuovo.' },
  IDEMPOTENCY_KEY_REUSED: { en: 'This confirmation was already used for another quote.', it: 'Questa conferma è già stata usata per un altro preventivo.' },
  ALREADY_PAID: { en: 'The order is already paid.', it: "L'ordine è già pagato." },
  ORDER_NOT_PAYABLE: { en: 'The order is not awaiting payment.', it: "L'ordine non è in attesa di pagamento." },
  REFERENCE_TAKEN: { en: 'This payment reference was already recorded for another order.', it: 'Questo riferimento di pagamento è già stato registrato per un altro ordine.' },
  AMOUNT_MISMATCH: { en: 'The amount received differs from the order total.', it: "L'importo ricevuto è diverso dal totale dell'ordine." },
  BILLING_INCOMPLETE: { en: 'Complete your billing data before paying: the electronic invoice needs it.', it: 'Completa i dati di fatturazione prima di pagare: servono per la fattura elettronica.' },
  FUTURE_DATE: { en: 'That day has not come yet.', it: 'Quel giorno non è ancora arrivato.' },
  CREDIT_EXCEEDS_INVOICE: { en: 'The credit exceeds what is left to credit on the invoice.', it: 'Il credito supera quanto resta da stornare sulla fattura.' },
  NOT_AN_INVOICE: { en: 'A credit note corrects an invoice, not another credit note.', it: "Una nota di credito corregge una fattura, non un'altra nota di credito." },
  MALFORMED_NOTIFICATION: { en: 'The file is not an SdI notification that can be read (RC, NS or MC).', it: 'Il file non è una notifica dello SdI leggibile (RC, NS o MC).' },
  UNKNOWN_DOCUMENT: { en: 'The notification is about a file this panel did not send.', it: 'La notifica riguarda un file che il pannello non ha inviato.' },
  NOT_REJECTED: { en: 'Only an e-invoice rejected by the SdI can be sent again.', it: 'Si può reinviare solo una fattura elettronica scartata dallo SdI.' },
  WRONG_CODE: { en: 'The code is not valid: type the one your authenticator app shows now, or a recovery code.', it: "Il codice non è valido: inserisci quello che mostra ora l'app di autenticazione, oppure un codice di recupero." },
  ALREADY_ENABLED: { en: 'Two-factor login is already enabled.', it: "La verifica in due passaggi è già attiva." },
  LAST_OWNER: { en: 'The account must keep an owner: make another login owner first.', it: "L'account deve avere un titolare: rendi prima titolare un altro accesso." },
  ADDRESS_NOT_ALLOWED: { en: 'The address is not a public internet address (private, local or loopback): use a public https address.', it: "L'indirizzo non è un indirizzo pubblico di internet (privato, locale o di loopback): usa un indirizzo https pubblico." },
  WRONG_PASSWORD: { en: 'The current password is not correct.', it: 'La password attuale non è corretta.' },
  PAST_DATE: { en: 'That day has already come: choose a later one.', it: 'Quel giorno è già arrivato: scegline uno successivo.' },
  SCOPE_NOT_HELD: { en: 'A token can give only what the token that creates it holds.', it: 'Un token può concedere solo ciò che ha il token che lo crea.' },
  TICKET_CLOSED: { en: 'This request was closed too long ago to be reopened: open a new one.', it: 'Questa richiesta è stata chiusa troppo tempo fa per essere riaperta: aprine una nuova.' },
  ATTACHMENT_TOO_LARGE: { en: 'A file is too large: each may be at most 5 MB.', it: 'Un file è troppo grande: ciascuno può essere al massimo di 5 MB.' },
  TOO_MANY_ATTACHMENTS: { en: 'Too many files: a message may carry at most 5.', it: 'Troppi file: un messaggio può averne al massimo 5.' },
  ATTACHMENT_TYPE: { en: 'This kind of file is not accepted: send a PDF, an image (PNG, JPEG, GIF, WebP) or a text file.', it: "Questo tipo di file non è accettato: invia un PDF, un'immagine (PNG, JPEG, GIF, WebP) o un file di testo." },
} satisfies Record<string, UserErrorMessages>;

export type UserErrorCode = keyof typeof MESSAGES;

export const USER_ERROR_MESSAGES: Readonly<Record<UserErrorCode, UserErrorMessages>> = MESSAGES;

/** The codes as an enum object (`UserErrorCode.QUOTE_EXPIRED`): registered with GraphQL, matched on by the portal. */
export const UserErrorCode = Object.freeze(Object.fromEntries(Object.keys(MESSAGES).map((code) => [code, code]))) as { readonly [C in UserErrorCode]: C };

export function isUserErrorCode(value: unknown): value is UserErrorCode {
  return typeof value === 'string' && Object.hasOwn(MESSAGES, value);
}

export function userErrorMessage(code: UserErrorCode, locale: Locale): string {
  return MESSAGES[code][locale];
}
