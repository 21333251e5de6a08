import fc from 'fast-check';
import { TAX_PROFILES, vatTreatment, type TaxProfile } from '@/domain/billing/tax-profile';
import { buildFpr12 } from '@/domain/einvoice/fpr12';
import { expectSchemaValid, schemaErrors } from '../support/xsd';
import { cents, customers, invoiceFor, read } from './documents';

const bank = { method: 'BANK_TRANSFER', beneficiary: 'Hosting Italia S.r.l.', iban: 'IT60 X054 2811 1010 0000 0123 456', bankName: 'Banca Esempio' } as const;
const longName = `${'Società Cooperativa Agricola e Informatica del Basso Piemonte '.repeat(4)}`.slice(0, 200);
const longAddress = `${'Strada Provinciale per Casale Monferrato, km 12, '.repeat(5)}`.slice(0, 200);
const longDescription = 'Rinnovo annuale del piano di hosting con posta e database. '.repeat(30);

/** Every case of the brief, built once and validated in one run of the schema validator. */
const cases = {
  ...(Object.fromEntries(TAX_PROFILES.map((profile) => [profile, buildFpr12(invoiceFor(customers[profile], [9900]))])) as Record<TaxProfile, string>),
  changeCredit: buildFpr12(invoiceFor(customers.IT_CONSUMER, [-2457, 4964])),
  nearExpiryUpgrade: buildFpr12(invoiceFor(customers.IT_BUSINESS, [9900])),
  bankTransfer: buildFpr12(invoiceFor(customers.IT_BUSINESS, [4900], { payment: bank })),
  postalSlip: buildFpr12(invoiceFor(customers.IT_CONSUMER, [4900], { payment: { method: 'POSTAL_SLIP', beneficiary: 'Hosting Italia S.r.l.' } })),
  stampDuty: buildFpr12(invoiceFor(customers.EU_BUSINESS, [17900, -2000])),
  latin1: buildFpr12(invoiceFor(
    { ...customers.IT_CONSUMER, firstName: 'Nicolò 😀', lastName: 'Dell’Anna – Bérénice' },
    [9900],
    { lines: [{ description: 'PERSONAL15 → BUSINESS “cambio” … € 10,00 ✓', amountCents: 9900, vat: vatTreatment('IT_CONSUMER') }] },
  )),
  longTexts: buildFpr12(invoiceFor(
    { ...customers.IT_BUSINESS, companyName: longName, address: longAddress, city: 'San Giorgio Monferrato '.repeat(4) },
    [9900],
    { lines: [{ description: longDescription, amountCents: 9900, vat: vatTreatment('IT_BUSINESS') }] },
  )),
  creditNote: buildFpr12(invoiceFor(customers.IT_BUSINESS, [2507], {
    kind: 'CREDIT_NOTE', number: '2026/000043', issuedOn: '2026-07-10', corrects: { number: '2026/000042', issuedOn: '2026-07-02' },
    reason: `Storno parziale: servizio non erogato. ${'Dettaglio della contestazione. '.repeat(10)}`, payment: null, progressive: 43,
  })),
  pecRecipient: buildFpr12(invoiceFor({ ...customers.IT_CONSUMER, pec: 'mario.rossi@pec.example.it', sdiCode: null }, [1500])),
};

it('every document validates against the official FPR12 schema', async () => {
  await expectSchemaValid('fpr12', cases);
});

it('the validator does refuse a document the schema forbids', async () => {
  const broken = cases.IT_CONSUMER.replace('<AliquotaIVA>22.00</AliquotaIVA>', '<AliquotaIVA>22</AliquotaIVA>');
  const errors = await schemaErrors('fpr12', { broken });
  expect(errors.broken.join('\n')).toMatch(/AliquotaIVA/);
});

describe('each tax profile', () => {
  it.each([
    ['IT_CONSUMER', '0000000', '22.00', undefined, '21.78', '120.78'],
    ['IT_BUSINESS', 'M5UXCR1', '22.00', undefined, '21.78', '120.78'],
    ['EU_BUSINESS', 'XXXXXXX', '0.00', 'N2.1', '0.00', '99.00'],
    ['NON_EU_BUSINESS', 'XXXXXXX', '0.00', 'N2.1', '0.00', '99.00'],
    ['FOREIGN_CONSUMER', 'XXXXXXX', '22.00', undefined, '21.78', '120.78'],
  ] as const)('%s: recipient %s, rate %s, Natura %s, VAT %s, total %s', (profile, recipient, rate, natura, vat, total) => {
    const xml = read(cases[profile]);
    expect(xml.header.DatiTrasmissione.CodiceDestinatario).toBe(recipient);
    expect(xml.lines[0].AliquotaIVA).toBe(rate);
    expect(xml.lines[0].Natura).toBe(natura);
    expect(xml.summaries).toEqual([expect.objectContaining({ AliquotaIVA: rate, ImponibileImporto: '99.00', Imposta: vat, EsigibilitaIVA: 'I' })]);
    expect(xml.summaries[0].Natura).toBe(natura);
    expect(xml.general.ImportoTotaleDocumento).toBe(total);
    expect(xml.general.TipoDocumento).toBe('TD01');
  });

  it('names Italian customers by fiscal code or VAT number', () => {
    const consumer = read(cases.IT_CONSUMER).header.CessionarioCommittente;
    expect(consumer.DatiAnagrafici).toEqual({ CodiceFiscale: 'RSSMRA85T10A562S', Anagrafica: { Nome: 'Mario', Cognome: 'Rossi' } });
    expect(consumer.Sede).toEqual({ Indirizzo: 'Via Roma 1', CAP: '20121', Comune: 'Milano', Provincia: 'MI', Nazione: 'IT' });
    const business = read(cases.IT_BUSINESS).header.CessionarioCommittente.DatiAnagrafici;
    expect(business).toEqual({ IdFiscaleIVA: { IdPaese: 'IT', IdCodice: '12345678903' }, Anagrafica: { Denominazione: 'Bianchi Web S.r.l.' } });
  });

  it('names customers abroad by country and VAT number or tax id, with a 5-digit CAP and no province', () => {
    const eu = read(cases.EU_BUSINESS).header.CessionarioCommittente;
    expect(eu.DatiAnagrafici.IdFiscaleIVA).toEqual({ IdPaese: 'DE', IdCodice: '123456789' });
    expect(eu.Sede).toEqual({ Indirizzo: 'Hauptstraße 5', CAP: '10115', Comune: 'Berlin', Nazione: 'DE' });
    const uk = read(cases.NON_EU_BUSINESS).header.CessionarioCommittente;
    expect(uk.Sede).toEqual({ Indirizzo: '10 Downing Street', CAP: '00000', Comune: 'SW1A 2AA London', Nazione: 'GB' });
    const us = read(cases.FOREIGN_CONSUMER).header.CessionarioCommittente;
    expect(us.DatiAnagrafici).toEqual({ IdFiscaleIVA: { IdPaese: 'US', IdCodice: '99999999999' }, Anagrafica: { Nome: 'Jane', Cognome: 'Doe' } });
    expect(us.Sede.Provincia).toBeUndefined();
  });

  it('says why there is no VAT: N2.1 with art. 7-ter as the legal reference', () => {
    expect(read(cases.EU_BUSINESS).summaries[0].RiferimentoNormativo).toMatch(/^Inversione contabile.*art\. 7-ter DPR 633\/72$/);
    expect(read(cases.NON_EU_BUSINESS).summaries[0].RiferimentoNormativo).toMatch(/^Operazione non soggetta.*7-ter/);
    expect(read(cases.IT_CONSUMER).summaries[0].RiferimentoNormativo).toBeUndefined();
  });
});

describe('amounts to the cent', () => {
  it('writes the credit of a change as a negative line (worked example 1)', () => {
    const xml = read(cases.changeCredit);
    expect(xml.lines.map((l) => [l.NumeroLinea, l.PrezzoUnitario, l.PrezzoTotale])).toEqual([['1', '-24.57', '-24.57'], ['2', '49.64', '49.64']]);
    expect(xml.summaries).toEqual([expect.objectContaining({ ImponibileImporto: '25.07', Imposta: '5.52' })]);
    expect(xml.general.ImportoTotaleDocumento).toBe('30.59');
  });

  it('writes a near-expiry upgrade at list price (worked example 2)', () => {
    const xml = read(cases.nearExpiryUpgrade);
    expect([xml.lines[0].PrezzoTotale, xml.summaries[0].Imposta, xml.general.ImportoTotaleDocumento]).toEqual(['99.00', '21.78', '120.78']);
  });

  it('refuses a model whose lines do not add up to the recorded totals', () => {
    const document = invoiceFor(customers.IT_CONSUMER, [9900]);
    expect(() => buildFpr12({ ...document, totals: { netCents: 9900, vatCents: 2179, totalCents: 12079 } })).toThrow(/records 9900 \+ 2179/);
    expect(() => buildFpr12({ ...document, lines: [] })).toThrow();
  });
});

describe('payment', () => {
  it('says how it was paid: card MP08, bank transfer MP05 with the IBAN, postal slip MP18, all TP02', () => {
    expect(read(cases.IT_CONSUMER).body.DatiPagamento).toEqual({ CondizioniPagamento: 'TP02', DettaglioPagamento: { ModalitaPagamento: 'MP08', ImportoPagamento: '120.78' } });
    expect(read(cases.bankTransfer).payment).toEqual({
      Beneficiario: 'Hosting Italia S.r.l.', ModalitaPagamento: 'MP05', ImportoPagamento: '59.78', IstitutoFinanziario: 'Banca Esempio', IBAN: 'IT60X0542811101000000123456',
    });
    expect(read(cases.postalSlip).payment).toEqual({ Beneficiario: 'Hosting Italia S.r.l.', ModalitaPagamento: 'MP18', ImportoPagamento: '59.78' });
  });

  it('refuses a bank account that is not an IBAN', () => {
    expect(() => buildFpr12(invoiceFor(customers.IT_CONSUMER, [100], { payment: { ...bank, iban: '12345' } }))).toThrow(/not an IBAN/);
  });
});

describe('stamp duty', () => {
  it('adds the €2.00 virtual stamp to a document without VAT over €77.47, without charging it to the customer', () => {
    const xml = read(cases.stampDuty);
    expect(xml.general.DatiBollo).toEqual({ BolloVirtuale: 'SI', ImportoBollo: '2.00' });
    expect(xml.general.ImportoTotaleDocumento).toBe('159.00');
    expect(xml.payment.ImportoPagamento).toBe('159.00');
  });

  it.each([[7747, false], [7748, true]])('at %i cents without VAT: stamp %s', (amount, stamped) => {
    expect(read(buildFpr12(invoiceFor(customers.NON_EU_BUSINESS, [amount]))).general.DatiBollo !== undefined).toBe(stamped);
  });

  it('never stamps a document with VAT', () => {
    expect(read(cases.IT_CONSUMER).general.DatiBollo).toBeUndefined();
  });
});

describe('text', () => {
  it('writes Latin-1 only: arrows, quotes, dashes and € spelled out, emoji dropped, accents kept', () => {
    const xml = read(cases.latin1);
    expect(xml.lines[0].Descrizione).toBe('PERSONAL15 -> BUSINESS "cambio" ... EUR 10,00');
    expect(xml.header.CessionarioCommittente.DatiAnagrafici.Anagrafica).toEqual({ Nome: 'Nicolò', Cognome: "Dell'Anna - Bérénice" });
    expect(cases.latin1).not.toMatch(/[^\u0000-\u00FF]/);
  });

  it('cuts names, addresses and descriptions at the schema maximum instead of refusing them', () => {
    const xml = read(cases.longTexts);
    const customer = xml.header.CessionarioCommittente;
    expect(customer.DatiAnagrafici.Anagrafica.Denominazione).toBe(longName.slice(0, 80).trimEnd());
    expect(customer.Sede.Indirizzo).toBe(longAddress.slice(0, 60).trimEnd());
    expect(customer.Sede.Comune.length).toBeLessThanOrEqual(60);
    expect(xml.lines[0].Descrizione).toBe(longDescription.slice(0, 1000).trimEnd());
    expect(xml.lines[0].Descrizione.length).toBeGreaterThan(990);
  });
});

describe('credit note', () => {
  it('is a TD04 linked to the invoice it corrects, its reason split into Causale lines of 200', () => {
    const xml = read(cases.creditNote);
    expect([xml.general.TipoDocumento, xml.general.Numero, xml.general.Data]).toEqual(['TD04', '2026/000043', '2026-07-10']);
    expect(xml.linked).toEqual({ IdDocumento: '2026/000042', Data: '2026-07-02' });
    expect(xml.general.Causale.length).toBe(2);
    expect(xml.general.Causale.every((c: string) => c.length <= 200)).toBe(true);
    expect(xml.general.Causale.join(' ')).toMatch(/^Storno parziale: servizio non erogato\./);
    expect([xml.summaries[0].ImponibileImporto, xml.summaries[0].Imposta, xml.general.ImportoTotaleDocumento]).toEqual(['25.07', '5.52', '30.59']);
    expect(xml.body.DatiPagamento).toBeUndefined();
  });
});

describe('transmission', () => {
  it("sends to the customer's SdI code, else to 0000000 with its PEC", () => {
    expect(read(cases.IT_BUSINESS).header.DatiTrasmissione.PECDestinatario).toBeUndefined();
    expect(read(cases.pecRecipient).header.DatiTrasmissione).toMatchObject({ CodiceDestinatario: '0000000', PECDestinatario: 'mario.rossi@pec.example.it' });
  });

  it('names the seller as transmitter, with the progressive of the file', () => {
    const xml = read(cases.IT_CONSUMER);
    expect(xml.root['@_versione']).toBe('FPR12');
    expect(xml.header.DatiTrasmissione).toMatchObject({ IdTrasmittente: { IdPaese: 'IT', IdCodice: '06363391001' }, ProgressivoInvio: '00016', FormatoTrasmissione: 'FPR12' });
    expect(xml.header.CedentePrestatore.DatiAnagrafici.RegimeFiscale).toBe('RF01');
  });
});

it('keeps totals equal to the model and stays valid for random lines (property)', async () => {
  const profile = fc.constantFrom(...TAX_PROFILES);
  const amounts = fc.array(fc.integer({ min: -50_000, max: 5_000_000 }), { minLength: 1, maxLength: 6 }).filter((a) => a.reduce((s, x) => s + x, 0) >= 0);
  const samples = fc.sample(fc.tuple(profile, amounts), { numRuns: 30, seed: 19 });
  const documents = samples.map(([p, a]) => invoiceFor(customers[p], a));
  const xmls = documents.map(buildFpr12);
  documents.forEach((document, i) => {
    const xml = read(xmls[i]);
    expect(xml.lines.map((l) => cents(l.PrezzoTotale))).toEqual(document.lines.map((l) => l.amountCents));
    expect(xml.summaries.reduce((s, r) => s + cents(r.ImponibileImporto), 0)).toBe(document.totals.netCents);
    expect(xml.summaries.reduce((s, r) => s + cents(r.Imposta), 0)).toBe(document.totals.vatCents);
    expect(cents(xml.general.ImportoTotaleDocumento)).toBe(document.totals.totalCents);
  });
  await expectSchemaValid('fpr12', Object.fromEntries(xmls.map((xml, i) => [`sample ${i}: ${JSON.stringify(samples[i])}`, xml])));
});
