import { pdfFileName, renderInvoicePdf, type InvoiceDocument } from '@/lib/invoice-pdf';

const sample: InvoiceDocument = {
  kind: 'INVOICE',
  number: '2026/000012',
  issuedOn: '2026-03-05',
  orderCode: 'HCS-2026-000034',
  corrects: null,
  paymentMethod: 'CARD',
  testPayment: false,
  seller: { name: 'Hosting Cloud S.r.l.', vatNumber: '01234567890', fiscalCode: '01234567890', address: 'Via Torino 10, 20123 Milano (MI)', email: 'fatture@hosting.example', pec: 'hosting@pec.example' },
  customer: {
    name: 'Mario Rossi', fiscalCode: 'RSSMRA80A01H501U', vatNumber: null, addressLine: 'Via Roma 1', postalCode: '00184', city: 'Roma', province: 'RM',
    country: 'IT', recipientCode: '0000000', pecEmail: null,
  },
  lines: [
    { description: 'Hosting Linux Pro, rinnovo annuale dal 05/03/2026 al 04/03/2027', amountCents: 4964 },
    { description: 'Credito residuo del servizio precedente', amountCents: -2457 },
  ],
  netCents: 2507,
  vatCents: 552,
  totalCents: 3059,
};

/**
 * The text drawn by the standard fonts: pdfkit writes each line as one `[<hex> kerning <hex> …] TJ` array of
 * WinAnsi bytes. Latin-1 matches WinAnsi except 0x80–0x9F, of which only € is used here.
 */
function textOf(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  return Array.from(raw.matchAll(/\[([^\]]*)\]\s*TJ/g), ([, array]) =>
    Array.from(array.matchAll(/<([0-9a-f]*)>/gi), ([, hex]) =>
      Buffer.from(hex, 'hex').toString('latin1').replace(/\x80/g, '€')).join(''),
  ).join('\n');
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page(?!s)\b/g)?.length ?? 0;

describe('renderInvoicePdf', () => {
  it('renders a PDF with the title in its metadata', async () => {
    const pdf = await renderInvoicePdf(sample);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('(Fattura 2026/000012)');
  });

  it('writes the invoice data, amounts and totals in Italian', async () => {
    const text = textOf(await renderInvoicePdf(sample, { compress: false }));
    expect(text).toContain('Fattura n. 2026/000012 del 05/03/2026');
    expect(text).toContain('Hosting Cloud S.r.l.');
    expect(text).toContain('P.IVA 01234567890 - C.F. 01234567890');
    expect(text).toContain('Mario Rossi');
    expect(text).toContain('00184 Roma (RM)');
    expect(text).toContain('C.F. RSSMRA80A01H501U');
    expect(text).toContain('Codice destinatario SDI: 0000000');
    expect(text).toContain('€ 49,64');
    expect(text).toContain('-€ 24,57');
    expect(text).toMatch(/Imponibile\n€ 25,07/);
    expect(text).toMatch(/IVA 22%\n€ 5,52/);
    expect(text).toMatch(/Totale\n€ 30,59/);
    expect(text).toContain('Metodo di pagamento: Carta di credito');
    expect(text).toContain('Riferimento ordine: HCS-2026-000034');
    expect(text).not.toContain('PAGAMENTO DI PROVA');
  });

  it('prints the test-payment notice for a test payment', async () => {
    const text = textOf(await renderInvoicePdf({ ...sample, testPayment: true }, { compress: false }));
    expect(text).toContain('PAGAMENTO DI PROVA / TEST PAYMENT');
  });

  it('labels the other payment methods and the customer company data', async () => {
    const text = textOf(await renderInvoicePdf({
      ...sample,
      paymentMethod: 'BANK_TRANSFER',
      customer: { ...sample.customer, name: 'Neri Data S.p.A.', fiscalCode: null, vatNumber: '09876543210', recipientCode: null, pecEmail: 'neri@pec.example' },
    }, { compress: false }));
    expect(text).toContain('Metodo di pagamento: Bonifico bancario');
    expect(text).toContain('P.IVA 09876543210');
    expect(text).toContain('PEC: neri@pec.example');
    expect(text).not.toContain('Codice destinatario');
    expect(textOf(await renderInvoicePdf({ ...sample, paymentMethod: 'POSTAL_SLIP' }, { compress: false }))).toContain('Bollettino postale');
  });

  it('replaces letters the standard fonts cannot draw with their base letter', async () => {
    const text = textOf(await renderInvoicePdf({ ...sample, customer: { ...sample.customer, name: 'Ștefan Dvořák' } }, { compress: false }));
    expect(text).toContain('Stefan Dvorák');
  });

  it('wraps long descriptions and flows many lines onto further pages', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ description: `Servizio ${i + 1}: ${'dominio-molto-lungo.it '.repeat(6)}`, amountCents: 100 }));
    const pdf = await renderInvoicePdf({ ...sample, lines, netCents: 6000, vatCents: 1320, totalCents: 7320 }, { compress: false });
    expect(pageCount(await renderInvoicePdf(sample, { compress: false }))).toBe(1);
    expect(pageCount(pdf)).toBeGreaterThan(1);
    const text = textOf(pdf);
    expect(text).toContain('Servizio 60:');
    expect(text).not.toContain(lines[0].description.trim()); // wrapped over two text lines
    expect(text).toMatch(/Totale\n€ 73,20/);
    expect(text).toContain(`Pagina 1 di ${pageCount(pdf)}`);
  });

  it('says it is a courtesy copy: the fiscal document is the XML sent through the SdI (docs/product-rules.md, Invoices)', async () => {
    const text = textOf(await renderInvoicePdf(sample, { compress: false }));
    expect(text).toContain('Copia di cortesia: il documento fiscale è il file XML trasmesso al Sistema di Interscambio');
  });

  it('titles a credit note as one, naming the invoice it corrects and why (docs/product-rules.md, Refunds and credit notes)', async () => {
    const creditNote: InvoiceDocument = {
      ...sample, kind: 'CREDIT_NOTE', number: '2026/000020', issuedOn: '2026-04-10',
      corrects: { number: '2026/000012', issuedOn: '2026-03-05', reason: 'Servizio non erogato per 10 giorni' },
      lines: [{ description: 'Nota di credito su fattura 2026/000012: Servizio non erogato per 10 giorni', amountCents: 1000 }],
      netCents: 1000, vatCents: 220, totalCents: 1220,
    };
    const pdf = await renderInvoicePdf(creditNote, { compress: false });
    const text = textOf(pdf);
    expect(pdf.toString('latin1')).toContain('(Nota di credito 2026/000020)');
    expect(text).toContain('Nota di credito n. 2026/000020 del 10/04/2026');
    expect(text).toContain('corregge la fattura 2026/000012 del 05/03/2026');
    expect(text).toContain('Motivo: Servizio non erogato per 10 giorni');
    expect(text).toMatch(/Totale\n€ 12,20/);
    expect(text).toContain('Copia di cortesia');
    expect(text).toContain('Nota di credito 2026/000020 - Pagina 1 di 1');
    expect(text).not.toContain('Fattura n.');
    expect(pdfFileName(creditNote)).toBe('nota-di-credito-2026-000020.pdf');
    expect(pdfFileName(sample)).toBe('fattura-2026-000012.pdf');
  });

  it('renders the same invoice to the same bytes', async () => {
    expect((await renderInvoicePdf(sample)).equals(await renderInvoicePdf(sample))).toBe(true);
  });
});
