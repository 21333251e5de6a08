import type { CalendarDate } from './calendar';
import { formatDate } from './dates-format';
import { formatMoney, type Locale } from './money';

/** Every email the panel sends, with what it needs to be written. Rendering is pure. */
export type EmailMessage =
  | { template: 'CANCELLATION_CONFIRMED'; domain: string; productCode: string; effectiveOn: CalendarDate; deactivations: string[]; link: string }
  | { template: 'CANCELLATION_FORWARDED'; accountName: string; accountEmail: string; domain: string; productCode: string; effectiveOn: CalendarDate; reason: string; reasonText: string }
  | { template: 'EXPIRY_REMINDER'; domain: string; productCode: string; expiresOn: CalendarDate; daysLeft: number; renewalPriceCents: number; link: string }
  | { template: 'SERVICE_DEACTIVATED'; domain: string; productCode: string; deactivatedOn: CalendarDate; clientDomains: string[]; link: string }
  | { template: 'PAYMENT_FAILED'; orderCode: string; totalCents: number; reason: string; link: string }
  | { template: 'ORDER_PAID'; orderCode: string; totalCents: number; invoiceNumber: string; link: string }
  | { template: 'PASSWORD_RESET'; link: string }
  | { template: 'EINVOICE_NOT_DELIVERABLE'; invoiceNumber: string; issuedOn: CalendarDate; link: string }
  | { template: 'PASSWORD_CHANGED'; link: string }
  | { template: 'EMAIL_CHANGE'; newEmail: string; link: string }
  | { template: 'EMAIL_CHANGED'; newEmail: string; link: string }
  | { template: 'INVITATION'; accountName: string; invitedBy: string; role: string; link: string }
  | { template: 'SECOND_FACTOR_ENABLED'; link: string }
  | { template: 'SECOND_FACTOR_DISABLED'; link: string }
  | { template: 'NEW_SIGN_IN'; device: string; address: string; at: string; link: string }
  | { template: 'TICKET_OPENED'; reference: string; subject: string; link: string }
  | { template: 'TICKET_ANSWERED'; reference: string; subject: string; message: string; link: string }
  | { template: 'TICKET_TO_SUPPORT'; reference: string; subject: string; accountName: string; from: string; department: string; priority: string; message: string; kind: 'NEW' | 'REPLY'; link: string };

export type EmailTemplate = EmailMessage['template'];

type FieldOf<T extends EmailTemplate> = Exclude<keyof Extract<EmailMessage, { template: T }>, 'template'>;

/**
 * The fields of each template that carry a secret (a one-time link that acts as its recipient): only
 * the mailbox receives them; every stored or listed copy of the message has them withheld. Each
 * template declares its own, none included, so that a new template has to say.
 */
export const SECRET_FIELDS: { readonly [T in EmailTemplate]: readonly FieldOf<T>[] } = {
  CANCELLATION_CONFIRMED: [],
  CANCELLATION_FORWARDED: [],
  EXPIRY_REMINDER: [],
  SERVICE_DEACTIVATED: [],
  PAYMENT_FAILED: [],
  ORDER_PAID: [],
  PASSWORD_RESET: ['link'],
  EINVOICE_NOT_DELIVERABLE: [],
  PASSWORD_CHANGED: [],
  EMAIL_CHANGE: ['link'],
  EMAIL_CHANGED: [],
  INVITATION: ['link'],
  SECOND_FACTOR_ENABLED: [],
  SECOND_FACTOR_DISABLED: [],
  NEW_SIGN_IN: [],
  TICKET_OPENED: [],
  TICKET_ANSWERED: [],
  TICKET_TO_SUPPORT: [],
};

const WITHHELD: Record<Locale, string> = {
  it: "(link riservato, presente solo nell'email inviata)",
  en: '(private link, only in the email sent)',
};

export function carriesSecret(message: EmailMessage): boolean {
  return SECRET_FIELDS[message.template].length > 0;
}

/** The message as it may be stored and shown: each secret field replaced by a note that only the email has it. */
export function withoutSecrets(message: EmailMessage, locale: Locale): EmailMessage {
  const fields: readonly string[] = SECRET_FIELDS[message.template];
  return fields.length ? { ...message, ...Object.fromEntries(fields.map((field) => [field, WITHHELD[locale]])) } : message;
}

export interface RenderedEmail { subject: string; text: string; html: string }

interface Draft { subject: string; paragraphs: string[]; list?: string[]; action?: { label: string; url: string } }

function draft(message: EmailMessage, locale: Locale): Draft {
  const it = locale === 'it';
  const money = (cents: number) => formatMoney(cents, locale);
  const date = (d: CalendarDate) => formatDate(d, locale);
  switch (message.template) {
    case 'CANCELLATION_CONFIRMED':
      return {
        subject: it ? `Disdetta confermata: ${message.productCode} per ${message.domain}` : `Cancellation confirmed: ${message.productCode} for ${message.domain}`,
        paragraphs: [it
          ? `Abbiamo registrato la disdetta del servizio ${message.productCode} per ${message.domain}. Il ${date(message.effectiveOn)} verrà disattivato senza ulteriore preavviso; fino ad allora non riceverai altri avvisi di scadenza. Non è previsto alcun rimborso.`
          : `We have recorded the cancellation of ${message.productCode} for ${message.domain}. On ${date(message.effectiveOn)} it will be deactivated without further notice; until then you will receive no more expiry reminders. No refund is due.`,
        it ? 'Verrà disattivato:' : 'What will be deactivated:'],
        list: message.deactivations,
        action: { label: it ? 'Hai cambiato idea? Annulla la disdetta' : 'Changed your mind? Withdraw the cancellation', url: message.link },
      };
    case 'CANCELLATION_FORWARDED':
      return {
        subject: `Disdetta: ${message.productCode} ${message.domain} (${message.accountName})`,
        paragraphs: [
          `Il cliente ${message.accountName} <${message.accountEmail}> ha confermato la disdetta di ${message.productCode} per ${message.domain}, efficace dal ${formatDate(message.effectiveOn, 'it')}.`,
          `Motivo: ${message.reason}${message.reasonText ? ` — ${message.reasonText}` : ''}`,
        ],
      };
    case 'EXPIRY_REMINDER':
      return {
        subject: it
          ? `${message.domain}: ${message.productCode} scade tra ${message.daysLeft === 1 ? '1 giorno' : `${message.daysLeft} giorni`}`
          : `${message.domain}: ${message.productCode} expires in ${message.daysLeft === 1 ? '1 day' : `${message.daysLeft} days`}`,
        paragraphs: [it
          ? `Il servizio ${message.productCode} per ${message.domain} scade il ${date(message.expiresOn)}. Non è previsto il tacito rinnovo: senza rinnovo verrà disattivato in quella data. Il rinnovo per un anno costa ${money(message.renewalPriceCents)} + IVA.`
          : `${message.productCode} for ${message.domain} expires on ${date(message.expiresOn)}. There is no automatic renewal: unless renewed it will be deactivated on that day. Renewing for one year costs ${money(message.renewalPriceCents)} + VAT.`],
        action: { label: it ? 'Rinnova ora' : 'Renew now', url: message.link },
      };
    case 'SERVICE_DEACTIVATED':
      return {
        subject: it ? `${message.domain}: ${message.productCode} disattivato` : `${message.domain}: ${message.productCode} deactivated`,
        paragraphs: [it
          ? `Il servizio ${message.productCode} per ${message.domain} è scaduto e il ${date(message.deactivatedOn)} è stato disattivato.`
          : `${message.productCode} for ${message.domain} expired and was deactivated on ${date(message.deactivatedOn)}.`,
        ...(message.clientDomains.length ? [it ? 'Con il piano sono stati disattivati i domini aggiuntivi dei tuoi clienti:' : "Your clients' additional domains hosted in the plan were deactivated with it:"] : [])],
        list: message.clientDomains.length ? message.clientDomains : undefined,
        action: { label: it ? 'Vai allo scadenziario' : 'Open the expiry schedule', url: message.link },
      };
    case 'PAYMENT_FAILED':
      return {
        subject: it ? `Pagamento non riuscito: ordine ${message.orderCode}` : `Payment failed: order ${message.orderCode}`,
        paragraphs: [it
          ? `Il pagamento con carta di ${money(message.totalCents)} per l'ordine ${message.orderCode} non è andato a buon fine: ${message.reason}. L'ordine resta in attesa di pagamento: puoi riprovare dalla pagina Ordini.`
          : `The card payment of ${money(message.totalCents)} for order ${message.orderCode} failed: ${message.reason}. The order is still awaiting payment: you can retry from the Orders page.`],
        action: { label: it ? 'Riprova il pagamento' : 'Retry the payment', url: message.link },
      };
    case 'ORDER_PAID':
      return {
        subject: it ? `Pagamento ricevuto: ordine ${message.orderCode}` : `Payment received: order ${message.orderCode}`,
        paragraphs: [it
          ? `Abbiamo ricevuto ${money(message.totalCents)} per l'ordine ${message.orderCode}. È stata emessa la fattura ${message.invoiceNumber}.`
          : `We received ${money(message.totalCents)} for order ${message.orderCode}. Invoice ${message.invoiceNumber} has been issued.`],
        action: { label: it ? "Vedi l'ordine" : 'View the order', url: message.link },
      };
    case 'EINVOICE_NOT_DELIVERABLE':
      return {
        subject: it ? `Fattura ${message.invoiceNumber}: disponibile nella tua area riservata` : `Invoice ${message.invoiceNumber}: available in your reserved area`,
        paragraphs: [it
          ? `Il Sistema di Interscambio non è riuscito a recapitare la fattura elettronica ${message.invoiceNumber} del ${date(message.issuedOn)} al tuo indirizzo telematico (codice destinatario o PEC). La fattura è comunque emessa e valida.`
          : `The tax agency's exchange system (SdI) could not deliver electronic invoice ${message.invoiceNumber} of ${date(message.issuedOn)} to your electronic address (recipient code or PEC). The invoice is nonetheless issued and valid.`,
        it
          ? "La trovi nella tua area riservata del sito dell'Agenzia delle Entrate (servizio «Fatture e Corrispettivi») e nella pagina Fatture del pannello, con il file XML e la copia di cortesia in PDF."
          : "You will find it in your reserved area on the tax agency's website (Agenzia delle Entrate, \"Fatture e Corrispettivi\") and on the panel's Invoices page, with the XML file and the courtesy copy as a PDF."],
        action: { label: it ? 'Vai alle fatture' : 'Open your invoices', url: message.link },
      };
    case 'PASSWORD_RESET':
      return {
        subject: it ? 'Reimposta la password del Pannello Clienti' : 'Reset your Pannello Clienti password',
        paragraphs: [it
          ? 'Per scegliere una nuova password apri il link qui sotto entro un\'ora. Se non hai chiesto tu di reimpostarla, ignora questo messaggio.'
          : 'To choose a new password open the link below within an hour. If you did not ask for it, ignore this message.'],
        action: { label: it ? 'Scegli una nuova password' : 'Choose a new password', url: message.link },
      };
    case 'PASSWORD_CHANGED':
      return {
        subject: it ? 'La password del Pannello Clienti è cambiata' : 'Your Pannello Clienti password was changed',
        paragraphs: [it
          ? 'La password del tuo accesso è stata cambiata e le altre sessioni aperte sono state terminate. Se non sei stato tu, reimposta subito la password.'
          : 'The password of your login was changed and your other open sessions were ended. If it was not you, reset your password at once.'],
        action: { label: it ? 'Reimposta la password' : 'Reset your password', url: message.link },
      };
    case 'EMAIL_CHANGE':
      return {
        subject: it ? 'Conferma il nuovo indirizzo email del Pannello Clienti' : 'Confirm your new Pannello Clienti email address',
        paragraphs: [it
          ? `È stato chiesto di usare ${message.newEmail} per accedere al Pannello Clienti. Per confermarlo apri il link qui sotto entro 24 ore; se non l'hai chiesto tu, ignora questo messaggio.`
          : `It was asked to use ${message.newEmail} to sign in to the Pannello Clienti. To confirm it open the link below within 24 hours; if you did not ask for it, ignore this message.`],
        action: { label: it ? 'Conferma il nuovo indirizzo' : 'Confirm the new address', url: message.link },
      };
    case 'EMAIL_CHANGED':
      return {
        subject: it ? "L'email del Pannello Clienti è cambiata" : 'Your Pannello Clienti email was changed',
        paragraphs: [it
          ? `Da ora si accede al Pannello Clienti con ${message.newEmail}, e le email arrivano a quell'indirizzo. Se non sei stato tu, contattaci subito.`
          : `From now on you sign in to the Pannello Clienti with ${message.newEmail}, and emails go to that address. If it was not you, contact us at once.`],
        action: { label: it ? 'Vai al profilo' : 'Open your profile', url: message.link },
      };
    case 'INVITATION': {
      const roles: Record<string, [string, string]> = {
        OWNER: ['titolare', 'owner'], BILLING: ['amministrazione', 'billing'], TECHNICAL: ['tecnico', 'technical'], READ_ONLY: ['sola lettura', 'read-only'],
      };
      const role = roles[message.role]?.[it ? 0 : 1] ?? message.role;
      return {
        subject: it ? `Invito al Pannello Clienti di ${message.accountName}` : `Invitation to ${message.accountName}'s Pannello Clienti`,
        paragraphs: [it
          ? `${message.invitedBy} ti invita ad accedere al Pannello Clienti di ${message.accountName} con il ruolo ${role}. Apri il link qui sotto entro 7 giorni per scegliere la tua password; vale una volta sola.`
          : `${message.invitedBy} invites you to sign in to ${message.accountName}'s Pannello Clienti with the ${role} role. Open the link below within 7 days to choose your password; it works once.`],
        action: { label: it ? "Accetta l'invito" : 'Accept the invitation', url: message.link },
      };
    }
    case 'SECOND_FACTOR_ENABLED':
      return {
        subject: it ? 'Verifica in due passaggi attivata' : 'Two-factor login enabled',
        paragraphs: [it
          ? "Da ora per accedere al Pannello Clienti servono la password e il codice dell'app di autenticazione (o un codice di recupero). Se non sei stato tu, contattaci subito."
          : 'From now on signing in to the Pannello Clienti takes the password and the code of your authenticator app (or a recovery code). If it was not you, contact us at once.'],
        action: { label: it ? 'Gestisci la verifica in due passaggi' : 'Manage two-factor login', url: message.link },
      };
    case 'SECOND_FACTOR_DISABLED':
      return {
        subject: it ? 'Verifica in due passaggi disattivata' : 'Two-factor login disabled',
        paragraphs: [it
          ? 'Per accedere al Pannello Clienti ora basta la password: la verifica in due passaggi è stata disattivata e i codici di recupero non valgono più. Se non sei stato tu, cambia subito la password.'
          : 'Signing in to the Pannello Clienti now takes only the password: two-factor login was disabled and the recovery codes no longer work. If it was not you, change your password at once.'],
        action: { label: it ? 'Riattivala' : 'Enable it again', url: message.link },
      };
    case 'NEW_SIGN_IN':
      return {
        subject: it ? 'Nuovo accesso al Pannello Clienti' : 'New sign-in to the Pannello Clienti',
        paragraphs: [it
          ? `Il ${instant(message.at, locale)} (ora italiana) è stato effettuato un accesso da un nuovo dispositivo: ${message.device}, indirizzo ${message.address}. Se non sei stato tu, termina la sessione e cambia la password.`
          : `On ${instant(message.at, locale)} (Italian time) someone signed in from a new device: ${message.device}, address ${message.address}. If it was not you, end the session and change your password.`],
        action: { label: it ? 'Vedi le sessioni' : 'See your sessions', url: message.link },
      };
    case 'TICKET_OPENED':
      return {
        subject: it ? `[${message.reference}] Richiesta ricevuta: ${message.subject}` : `[${message.reference}] Request received: ${message.subject}`,
        paragraphs: [it
          ? `Abbiamo ricevuto la tua richiesta di assistenza "${message.subject}": ti risponderemo al più presto. Puoi aggiungere dettagli rispondendo a questa email o dal pannello.`
          : `We have received your support request "${message.subject}" and will answer as soon as we can. You can add details by replying to this email or in the panel.`],
        action: { label: it ? 'Vedi la richiesta' : 'See the request', url: message.link },
      };
    case 'TICKET_ANSWERED':
      return {
        subject: it ? `[${message.reference}] Risposta alla tua richiesta: ${message.subject}` : `[${message.reference}] Answer to your request: ${message.subject}`,
        paragraphs: [
          it ? "L'assistenza ha risposto alla tua richiesta:" : 'Support has answered your request:',
          message.message,
          it ? 'Per rispondere, rispondi a questa email (scrivi sopra il testo citato) o usa il pannello.' : 'To reply, answer this email (write above the quoted text) or use the panel.',
        ],
        action: { label: it ? 'Vedi la richiesta' : 'See the request', url: message.link },
      };
    case 'TICKET_TO_SUPPORT':
      return {
        subject: `[${message.reference}] ${message.kind === 'NEW' ? 'Nuova richiesta' : 'Risposta del cliente'}: ${message.subject} (${message.accountName})`,
        paragraphs: [
          `${message.kind === 'NEW' ? 'Nuova richiesta' : 'Risposta'} di ${message.accountName} <${message.from}>, reparto ${message.department}, priorità ${message.priority}:`,
          message.message,
        ],
        action: { label: 'Apri nella coda di assistenza', url: message.link },
      };
  }
}

/** An instant (ISO 8601) as Italian wall-clock time: `dd/mm/yyyy, hh:mm` in Italian, `yyyy-mm-dd hh:mm` in English. */
function instant(at: string, locale: Locale): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  return locale === 'it' ? `${parts.day}/${parts.month}/${parts.year}, ${parts.hour}:${parts.minute}` : `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only a web address becomes a link (a withheld one is a note). */
function isLink(url: string): boolean {
  return /^https?:\/\//.test(url);
}

export function renderEmail(message: EmailMessage, locale: Locale): RenderedEmail {
  const { subject, paragraphs, list, action } = draft(message, locale);
  const text = [
    ...paragraphs,
    ...(list?.length ? [list.map((item) => `- ${item}`).join('\n')] : []),
    ...(action ? [`${action.label}: ${action.url}`] : []),
  ].join('\n\n');
  const html = [
    '<!doctype html><html><body style="font-family:Arial,sans-serif;color:#1d2433">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(list?.length ? [`<ul>${list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`] : []),
    ...(action ? [isLink(action.url) ? `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>` : `<p>${escapeHtml(`${action.label}: ${action.url}`)}</p>`] : []),
    '</body></html>',
  ].join('');
  return { subject, text: `${text}\n`, html };
}
