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
  | { template: 'EINVOICE_NOT_DELIVERABLE'; invoiceNumber: string; issuedOn: CalendarDate; link: string };

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
  }
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
