import type { DataSource } from 'typeorm';
import { EInvoice } from '@/entities';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type AccountLogin, type Login } from '../support/fixtures';
import { expectSchemaValid } from '../support/xsd';
import { cents, read } from './documents';
import { currentFile, E_INVOICE_FIELDS, paidInvoice } from './support';

/** docs/product-rules.md, Electronic invoices: every invoice is also a FatturaPA FPR12 file, written when it is issued. */
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let admin: Login;

const INVOICES = `query($id: ID) { invoices(clientId: $id) { edges { node { id number issuedOn netCents vatCents totalCents lines { description amountCents } ${E_INVOICE_FIELDS} } } } }`;

const LONG_NAME = `Zoë 🚀 Łukasz → Società per i Servizi Informatici, le Telecomunicazioni e l'Innovazione Digitale delle Imprese S.r.l.`;

beforeAll(async () => {
  db = await database.db();
  admin = await newAdmin(db);
});

afterEach(() => {
  for (const name of ['SELLER_STREET', 'SELLER_POSTAL_CODE', 'SELLER_CITY', 'SELLER_PROVINCE', 'SELLER_REGIME_FISCALE']) delete process.env[name];
});

async function customer(name: string, billing: Record<string, string> = {}): Promise<AccountLogin> {
  return newAccount(db, { name, billing });
}

describe('the FatturaPA file of each issued invoice', () => {
  it('is valid FPR12 for every kind of customer and payment, and says what the invoice says to the cent', async () => {
    const cases = {
      consumerByTransfer: [await customer('Mario Rossi', {
        fiscalCode: 'RSSMRA85T10A562S', address: 'Via Roma 1', postalCode: '20121', city: 'Milano', province: 'mi', pecEmail: 'mario.rossi@pec.example.it',
      }), 'BANK_TRANSFER'],
      businessByCard: [await customer('Bianchi Web S.r.l.', {
        vatNumber: 'IT12345678903', fiscalCode: '12345678903', address: 'Corso Vittorio Emanuele 12', postalCode: '10121', city: 'Torino', province: 'TO', recipientCode: 'm5uxcr1',
      }), 'CARD'],
      businessWithPecBySlip: [await customer('Verdi S.n.c.', {
        vatNumber: '01234567897', address: 'Piazza Duomo 2', postalCode: '50122', city: 'Firenze', province: 'FI', pecEmail: 'verdi@pec.example.it',
      }), 'POSTAL_SLIP'],
      longLatin1Names: [await customer(LONG_NAME, {
        vatNumber: '12345678903', address: `Via dell'Industria e dell'Artigianato della Provincia Autonoma, numero civico 1234/B`, postalCode: '39100', city: 'Bolzano → Bozen', province: 'BZ',
      }), 'CARD'],
      oneWordName: [await customer('Cliente'), 'BANK_TRANSFER'],
    } as const;
    const xml: Record<string, string> = {};
    for (const [name, [login, method]] of Object.entries(cases)) {
      const invoice = await paidInvoice(db, login, admin, method);
      const file = await currentFile(db, invoice.id);
      xml[name] = file.xml;
      const document = read(file.xml);
      const number = `${invoice.year}/${String(invoice.number).padStart(6, '0')}`;
      expect(file).toMatchObject({ status: 'TO_SEND', fileName: expect.stringMatching(/^IT01234567890_[0-9A-Z]{5}\.xml$/), attempts: 0, supersededById: null });
      expect(document.header.DatiTrasmissione.ProgressivoInvio).toBe(file.fileName.slice(14, 19));
      expect(document.general).toMatchObject({ TipoDocumento: 'TD01', Divisa: 'EUR', Data: '2026-07-02', Numero: number });
      expect(cents(document.general.ImportoTotaleDocumento)).toBe(invoice.totalCents);
      expect(document.summaries).toHaveLength(1);
      expect(document.summaries.map((s) => [s.AliquotaIVA, cents(s.ImponibileImporto), cents(s.Imposta), s.EsigibilitaIVA])).toEqual([['22.00', invoice.netCents, invoice.vatCents, 'I']]);
      expect(document.lines.map((line) => cents(line.PrezzoTotale))).toEqual([-2457, 4964]);
      expect(invoice).toMatchObject({ netCents: 2507, vatCents: 552, totalCents: 3059 });
      expect(cents(document.payment.ImportoPagamento)).toBe(3059);
    }
    await expectSchemaValid('fpr12', xml);

    const consumer = read(xml.consumerByTransfer);
    expect(consumer.header.DatiTrasmissione).toMatchObject({ CodiceDestinatario: '0000000', PECDestinatario: 'mario.rossi@pec.example.it' });
    expect(consumer.header.CessionarioCommittente.DatiAnagrafici).toEqual({ CodiceFiscale: 'RSSMRA85T10A562S', Anagrafica: { Nome: 'Mario', Cognome: 'Rossi' } });
    expect(consumer.header.CessionarioCommittente.Sede).toEqual({ Indirizzo: 'Via Roma 1', CAP: '20121', Comune: 'Milano', Provincia: 'MI', Nazione: 'IT' });
    expect(consumer.payment).toMatchObject({ ModalitaPagamento: 'MP05', IBAN: 'IT60X0542811101000000123456', Beneficiario: 'HostingVirtuale S.r.l.' });

    const business = read(xml.businessByCard);
    expect(business.header.DatiTrasmissione.CodiceDestinatario).toBe('M5UXCR1');
    expect(business.header.CessionarioCommittente.DatiAnagrafici).toEqual({
      IdFiscaleIVA: { IdPaese: 'IT', IdCodice: '12345678903' }, CodiceFiscale: '12345678903', Anagrafica: { Denominazione: 'Bianchi Web S.r.l.' },
    });
    expect(business.payment.ModalitaPagamento).toBe('MP08');

    expect(read(xml.businessWithPecBySlip).header.DatiTrasmissione).toMatchObject({ CodiceDestinatario: '0000000', PECDestinatario: 'verdi@pec.example.it' });
    expect(read(xml.businessWithPecBySlip).payment).toMatchObject({ ModalitaPagamento: 'MP18', Beneficiario: 'HostingVirtuale S.r.l.' });

    const long = read(xml.longLatin1Names).header.CessionarioCommittente;
    expect(long.DatiAnagrafici.Anagrafica.Denominazione).toHaveLength(80);
    expect(long.DatiAnagrafici.Anagrafica.Denominazione).toMatch(/^Zoë Lukasz -> Società per i Servizi/);
    expect(long.Sede.Indirizzo).toHaveLength(60);
    expect(long.Sede.Comune).toBe('Bolzano -> Bozen');

    const seller = consumer.header.CedentePrestatore;
    expect(seller.DatiAnagrafici).toEqual({
      IdFiscaleIVA: { IdPaese: 'IT', IdCodice: '01234567890' }, CodiceFiscale: '01234567890', Anagrafica: { Denominazione: 'HostingVirtuale S.r.l.' }, RegimeFiscale: 'RF01',
    });
    expect(seller.Sede).toEqual({ Indirizzo: "Via dell'Esempio 1", CAP: '00100', Comune: 'Roma', Provincia: 'RM', Nazione: 'IT' });
    expect(read(xml.oneWordName).header.CessionarioCommittente.DatiAnagrafici.Anagrafica).toEqual({ Nome: 'Cliente', Cognome: 'Prova' });
  });

  it('takes the seller from the configuration: address in its parts and the tax regime', async () => {
    Object.assign(process.env, { SELLER_STREET: 'Via Nazionale 10', SELLER_POSTAL_CODE: '00184', SELLER_CITY: 'Roma', SELLER_PROVINCE: 'rm', SELLER_REGIME_FISCALE: 'RF19' });
    const invoice = await paidInvoice(db, await customer('Anna Neri'), admin, 'CARD');
    const seller = read((await currentFile(db, invoice.id)).xml).header.CedentePrestatore;
    expect(seller.DatiAnagrafici.RegimeFiscale).toBe('RF19');
    expect(seller.Sede).toEqual({ Indirizzo: 'Via Nazionale 10', CAP: '00184', Comune: 'Roma', Provincia: 'RM', Nazione: 'IT' });
  });

  it('is shown with the invoice, and its XML is downloaded by the owner, its reseller and the back office only', async () => {
    const reseller = await newAccount(db, { kind: 'RESELLER' });
    const client = await newAccount(db, { resellerId: reseller.account.id });
    const stranger = await newAccount(db);
    const invoice = await paidInvoice(db, client, admin, 'CARD');
    const file = await currentFile(db, invoice.id);

    const listed = (await api.gql(INVOICES, {}, { token: client.token })).body.data.invoices.edges.map((edge: { node: unknown }) => edge.node);
    expect(listed).toEqual([expect.objectContaining({
      id: invoice.id, totalCents: 3059,
      eInvoice: { fileName: file.fileName, status: 'TO_SEND', channel: null, xmlUrl: `/api/invoices/${invoice.id}/xml`, notifications: [] },
    })]);
    expect((await api.gql(INVOICES, { id: client.account.id }, { token: reseller.token })).body.data.invoices.edges[0].node.eInvoice.fileName).toBe(file.fileName);

    const download = (caller: { token?: string }) => api.raw({ path: `/api/invoices/${invoice.id}/xml`, headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {} });
    for (const login of [client, reseller, admin]) {
      const response = await download(login);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${file.fileName}"`);
      expect(await response.text()).toBe(file.xml);
    }
    expect((await download(stranger)).status).toBe(404);
    expect((await download({})).status).toBe(401);
    expect((await api.raw({ path: '/api/invoices/not-an-id/xml', headers: { authorization: `Bearer ${admin.token}` } })).status).toBe(404);
  });
});

describe('an issued file is immutable', () => {
  it('the database refuses to change its XML, name, progressive or invoice, or to delete it; its status may change', async () => {
    const invoice = await paidInvoice(db, await customer('Luca Gialli'), admin, 'CARD');
    const file = await currentFile(db, invoice.id);
    for (const change of [`xml = xml || ' '`, `file_name = 'IT01234567890_ZZZZZ.xml'`, 'progressive = progressive + 1000000', `invoice_id = gen_random_uuid()`]) {
      await expect(db.query(`UPDATE e_invoices SET ${change} WHERE id = $1`, [file.id])).rejects.toThrow(/is immutable/);
    }
    await expect(db.query(`DELETE FROM e_invoices WHERE id = $1`, [file.id])).rejects.toThrow(/never deleted/);
    await db.query(`UPDATE e_invoices SET status = 'SENT' WHERE id = $1`, [file.id]);
    expect(await currentFile(db, invoice.id)).toEqual({ ...file, status: 'SENT' });
  });

  it('numbers files from a sequence: every invoice its own name and progressive', async () => {
    const files = await db.getRepository(EInvoice).find();
    expect(files.length).toBeGreaterThan(5);
    expect(new Set(files.map((f) => f.fileName)).size).toBe(files.length);
    expect(new Set(files.map((f) => f.invoiceId)).size).toBe(files.length);
  });
});
