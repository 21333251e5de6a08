import PDFDocument from 'pdfkit';
import { formatDate } from '@/domain/dates-format';
import { formatMoney, VAT_PERCENT } from '@/domain/money';
import type { BillingSnapshot, InvoiceKind } from '@/entities/invoice';
import type { PaymentMethod } from '@/entities/order';
import type { SellerSettings } from './payments/settings';

export interface InvoiceDocument {
  kind: InvoiceKind;
  number: string;
  issuedOn: string;
  /** A credit note's: the order of the invoice it corrects. */
  orderCode: string;
  /** A credit note: the invoice it corrects, and why. */
  corrects: { number: string; issuedOn: string; reason: string } | null;
  paymentMethod: PaymentMethod;
  /** Paid through the built-in test card processor. */
  testPayment: boolean;
  seller: Pick<SellerSettings, 'name' | 'vatNumber' | 'fiscalCode' | 'address' | 'email' | 'pec'>;
  customer: BillingSnapshot;
  /** Signed integer cents, excluding VAT. */
  lines: { description: string; amountCents: number }[];
  netCents: number;
  vatCents: number;
  totalCents: number;
}

const PAYMENT_METHOD_LABELS: Record<InvoiceDocument['paymentMethod'], string> = {
  CARD: 'Carta di credito',
  BANK_TRANSFER: 'Bonifico bancario',
  POSTAL_SLIP: 'Bollettino postale',
};

const TITLES: Record<InvoiceKind, string> = { INVOICE: 'Fattura', CREDIT_NOTE: 'Nota di credito' };

/** The legal document is the FatturaPA XML sent through the SdI: every PDF says it is only a courtesy copy. */
export const COURTESY_COPY_NOTICE = 'Copia di cortesia: il documento fiscale è il file XML trasmesso al Sistema di Interscambio';

/** `fattura-2026-000012.pdf`, `nota-di-credito-2026-000013.pdf`. */
export function pdfFileName(invoice: Pick<InvoiceDocument, 'kind' | 'number'>): string {
  return `${TITLES[invoice.kind].toLowerCase().replace(/ /g, '-')}-${invoice.number.replace('/', '-')}.pdf`;
}

const MARGIN = 50;
const AMOUNT_WIDTH = 110;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

// The standard PDF fonts only cover WinAnsi: ASCII, Latin-1 and these characters in 0x80–0x9F.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function encodable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/** Text the standard fonts can draw: `Dvořák` becomes `Dvorák`, what has no Latin-1 base becomes `?`. */
function winAnsiText(text: string): string {
  return Array.from(text.normalize('NFC'), (char) => {
    if (char === '\n' || encodable(char)) return char;
    if (/\s/.test(char)) return ' ';
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    return base !== '' && Array.from(base).every(encodable) ? base : '?';
  }).join('');
}

/** Renders the invoice as an A4 PDF; `compress: false` leaves the page content readable (tests). */
export function renderInvoicePdf(invoice: InvoiceDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      compress: options.compress ?? true,
      bufferPages: true,
      // A fixed creation date makes the same invoice always render to the same bytes.
      info: { Title: `${TITLES[invoice.kind]} ${invoice.number}`, Author: invoice.seller.name, CreationDate: new Date(`${invoice.issuedOn}T00:00:00Z`) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    drawInvoice(doc, invoice);
    drawFooters(doc, invoice);
    doc.end();
  });
}

type Doc = PDFKit.PDFDocument;
type Line = string | null | undefined | false;

/** Writes `lines` from (x, y) in a column of `width`; returns the y below them. */
function column(doc: Doc, x: number, y: number, width: number, lines: Line[], first = FONT): number {
  doc.font(first).text(winAnsiText(lines[0] || ''), x, y, { width });
  doc.font(FONT);
  for (const line of lines.slice(1)) if (line) doc.text(winAnsiText(line), x, doc.y, { width });
  return doc.y;
}

function customerLines({ customer }: InvoiceDocument): Line[] {
  const place = [customer.postalCode, customer.city, customer.province && `(${customer.province})`].filter(Boolean).join(' ');
  return [
    customer.name,
    customer.addressLine,
    place,
    customer.country !== 'IT' && customer.country,
    customer.fiscalCode && `C.F. ${customer.fiscalCode}`,
    customer.vatNumber && `P.IVA ${customer.vatNumber}`,
    customer.recipientCode && `Codice destinatario SDI: ${customer.recipientCode}`,
    customer.pecEmail && `PEC: ${customer.pecEmail}`,
  ];
}

function drawInvoice(doc: Doc, invoice: InvoiceDocument): void {
  const { seller } = invoice;
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const right = left + width;
  const half = width / 2;

  doc.fontSize(14);
  let y = column(doc, left, MARGIN, half - 10, [seller.name], BOLD);
  doc.fontSize(9);
  const sellerBottom = column(doc, left, y + 2, half - 10, [
    seller.address,
    `P.IVA ${seller.vatNumber} - C.F. ${seller.fiscalCode}`,
    `Email: ${seller.email}`,
    seller.pec && `PEC: ${seller.pec}`,
  ]);
  doc.fontSize(8).fillColor('#555555').text('Spett.le', left + half, MARGIN, { width: half });
  doc.fontSize(10).fillColor('black');
  const customerBottom = column(doc, left + half, doc.y + 2, half, customerLines(invoice), BOLD);
  y = Math.max(sellerBottom, customerBottom) + 25;

  doc.font(BOLD).fontSize(16).text(winAnsiText(`${TITLES[invoice.kind]} n. ${invoice.number} del ${formatDate(invoice.issuedOn, 'it')}`), left, y, { width });
  doc.font(FONT).fontSize(10);
  if (invoice.corrects) {
    doc.text(`corregge la fattura ${invoice.corrects.number} del ${formatDate(invoice.corrects.issuedOn, 'it')}`, left, doc.y + 4, { width });
    doc.text(winAnsiText(`Motivo: ${invoice.corrects.reason}`), left, doc.y + 2, { width });
  }
  doc.fontSize(8).fillColor('#555555').text(COURTESY_COPY_NOTICE, left, doc.y + 4, { width });
  doc.fillColor('black');
  y = doc.y + 10;

  if (invoice.testPayment) {
    doc.rect(left, y, width, 40).lineWidth(1.5).strokeColor('#c00000').stroke();
    doc.fillColor('#c00000').font(BOLD).fontSize(12).text('PAGAMENTO DI PROVA / TEST PAYMENT', left + 10, y + 7, { width: width - 20 });
    doc.font(FONT).fontSize(8).text('Pagato con il processore di carte di prova: nessun addebito reale.', left + 10, doc.y + 2, { width: width - 20 });
    doc.fillColor('black').strokeColor('black').lineWidth(1);
    y += 50;
  }

  const descriptionWidth = width - AMOUNT_WIDTH - 10;
  const bottom = () => doc.page.height - MARGIN - 20;
  const tableHeader = (top: number): number => {
    doc.font(BOLD).fontSize(10);
    doc.text('Descrizione', left, top, { width: descriptionWidth });
    doc.text('Importo', right - AMOUNT_WIDTH, top, { width: AMOUNT_WIDTH, align: 'right' });
    const below = doc.y + 3;
    doc.moveTo(left, below).lineTo(right, below).stroke();
    doc.font(FONT);
    return below + 6;
  };

  y = tableHeader(y + 10);
  for (const line of invoice.lines) {
    const description = winAnsiText(line.description);
    const height = doc.heightOfString(description, { width: descriptionWidth });
    if (y + height > bottom()) {
      doc.addPage();
      y = tableHeader(MARGIN);
    }
    doc.text(description, left, y, { width: descriptionWidth });
    doc.text(formatMoney(line.amountCents, 'it'), right - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: 'right' });
    y += height + 6;
  }

  // Totals and payment details stay together on one page.
  if (y + 120 > bottom()) {
    doc.addPage();
    y = MARGIN;
  }
  doc.moveTo(left, y).lineTo(right, y).stroke();
  y += 8;
  const labelX = right - AMOUNT_WIDTH - 130;
  const totals: [string, number][] = [['Imponibile', invoice.netCents], [`IVA ${VAT_PERCENT}%`, invoice.vatCents], ['Totale', invoice.totalCents]];
  for (const [label, cents] of totals) {
    const isTotal = label === 'Totale';
    doc.font(isTotal ? BOLD : FONT).fontSize(isTotal ? 12 : 10);
    doc.text(label, labelX, y, { width: 130 });
    doc.text(formatMoney(cents, 'it'), right - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: 'right' });
    y = doc.y + 4;
  }

  doc.font(FONT).fontSize(10).text(winAnsiText(`Riferimento ordine: ${invoice.orderCode}`), left, y + 16, { width });
  if (!invoice.corrects) doc.text(`Metodo di pagamento: ${PAYMENT_METHOD_LABELS[invoice.paymentMethod]}`, left, doc.y + 2, { width });
}

function drawFooters(doc: Doc, invoice: InvoiceDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise make pdfkit open a new page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    const text = `${invoice.seller.name} - P.IVA ${invoice.seller.vatNumber} - ${TITLES[invoice.kind]} ${invoice.number} - Pagina ${index - start + 1} di ${count}`;
    doc.font(FONT).fontSize(8).fillColor('#555555')
      .text(winAnsiText(text), MARGIN, doc.page.height - MARGIN + 15, { width: doc.page.width - 2 * MARGIN, align: 'center' });
    doc.page.margins = margins;
  }
}
