import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { vatTreatment, type TaxProfile } from '@/domain/billing/tax-profile';
import { addDays } from '@/domain/calendar';
import { useGraphQLServer, type Caller } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';

// docs/product-rules.md, "Tax treatment by customer": decided when the quote is made, kept on the order and the invoice.
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;
let admin: Login;

const BILLING: Record<TaxProfile, Record<string, string>> = {
  IT_CONSUMER: { kind: 'PERSON', firstName: 'Mario', lastName: 'Rossi', country: 'IT', address: 'Via Roma 1', postalCode: '00184', city: 'Roma', province: 'RM', fiscalCode: 'RSSMRA80A01H501U' },
  IT_BUSINESS: { kind: 'COMPANY', companyName: 'Rossi S.r.l.', country: 'IT', address: 'Via Roma 1', postalCode: '00184', city: 'Roma', province: 'RM', vatNumber: '01234567897', sdiCode: 'M5UXCR1' },
  EU_BUSINESS: { kind: 'COMPANY', companyName: 'Beispiel GmbH', country: 'DE', address: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin', vatNumber: 'DE123456789' },
  NON_EU_BUSINESS: { kind: 'COMPANY', companyName: 'Muster AG', country: 'CH', address: 'Bahnhofstrasse 1', postalCode: '8001', city: 'Zürich', vatNumber: 'CHE123456789' },
  FOREIGN_CONSUMER: { kind: 'PERSON', firstName: 'Jane', lastName: 'Doe', country: 'US', address: '1 Main St', city: 'Boston' },
};
const PROFILES = Object.keys(BILLING) as TaxProfile[];
const businessAbroad = (profile: TaxProfile) => profile === 'EU_BUSINESS' || profile === 'NON_EU_BUSINESS';

const TAX = 'taxProfile vatRatePercent vatNatura netCents vatCents totalCents lines { description amountCents }';
const QUOTE = `mutation($serviceId: ID!, $code: String!) { requestServiceChange(input: { serviceId: $serviceId, targetProductCode: $code }) { quote { id ${TAX} } userErrors { code } } }`;
const CONFIRM = `mutation($id: ID!) { confirmQuote(input: { quoteId: $id, paymentMethod: BANK_TRANSFER }) { order { code status ${TAX} } userErrors { code field } } }`;
const RENEW = `mutation($id: ID!) { renewService(input: { serviceId: $id, paymentMethod: BANK_TRANSFER }) { order { code ${TAX} lines { description amountCents } } userErrors { code field } } }`;
const RECORD = `mutation($code: String!, $amount: Int!) { recordOfflinePayment(input: { orderCode: $code, amountCents: $amount, reference: $code }) {
  invoice { number ${TAX} billing { kind name companyName firstName lastName country vatNumber } } userErrors { code } } }`;

async function call(query: string, variables: Record<string, unknown>, caller: Caller = { token: customer.token }) {
  const { body } = await api.gql(query, variables, caller);
  expect(body.errors).toBeUndefined();
  return Object.values(body.data)[0] as any;
}

async function billAs(login: AccountLogin, profile: TaxProfile) {
  const { userErrors } = await call(`mutation($billing: BillingDetailsInput!) { updateBillingDetails(input: { billing: $billing }) { userErrors { field } } }`, { billing: BILLING[profile] }, { token: login.token });
  expect(userErrors).toEqual([]);
}

const hosting = (login: AccountLogin) => newService(db, login.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
const taxAndTotals = ({ taxProfile, vatRatePercent, vatNatura, netCents, vatCents, totalCents }: Record<string, unknown>) => ({ taxProfile, vatRatePercent, vatNatura, netCents, vatCents, totalCents });

beforeAll(async () => {
  db = await database.db();
  customer = await newAccount(db, { locale: 'it' });
  admin = await newAdmin(db);
});

describe('tax by profile, from the quote to the invoice', () => {
  it('charges VAT exactly to Italians and consumers abroad; total = net + VAT; the order and the invoice equal the quote (property)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...PROFILES), fc.constantFrom('BUSINESS', 'PROFESSIONAL', 'VPS-S'), fc.integer({ min: 0, max: 360 }),
      async (profile, target, day) => {
        process.env.PORTAL_TODAY = addDays('2026-01-02', day);
        await billAs(customer, profile);
        const service = await hosting(customer);
        const { quote } = await call(QUOTE, { serviceId: service.id, code: target });
        expect(quote.taxProfile).toBe(profile);
        expect(quote.vatRatePercent === 0 && quote.vatNatura === 'N2.1').toBe(businessAbroad(profile));
        expect(quote.vatCents === 0).toBe(businessAbroad(profile) || quote.netCents === 0);
        expect(quote.totalCents).toBe(quote.netCents + quote.vatCents);
        const note = vatTreatment(profile).note;
        const notes = quote.lines.filter((line: { description: string }) => line.description.includes('7-ter'));
        expect(notes).toEqual(note ? [{ description: note.it, amountCents: 0 }] : []);
        if (note) expect(quote.lines.at(-1)).toEqual(notes[0]);

        const { order, userErrors } = await call(CONFIRM, { id: quote.id });
        expect(userErrors).toEqual([]);
        expect({ ...order, code: undefined, status: undefined }).toEqual({ ...quote, id: undefined, code: undefined, status: undefined });
        if (order.totalCents > 0) {
          const { invoice } = await call(RECORD, { code: order.code, amount: order.totalCents }, { token: admin.token });
          expect(taxAndTotals(invoice)).toEqual(taxAndTotals(quote));
          expect(invoice.lines).toEqual(quote.lines);
          expect(invoice.billing.country).toBe(BILLING[profile].country);
        }
      },
    ), { numRuns: 20 });
  });

  it('keeps what the quote fixed when the billing data changes before confirming, and on the invoice', async () => {
    process.env.PORTAL_TODAY = '2026-07-02';
    await billAs(customer, 'IT_CONSUMER');
    const { quote } = await call(QUOTE, { serviceId: (await hosting(customer)).id, code: 'BUSINESS' });
    expect(quote).toMatchObject({ taxProfile: 'IT_CONSUMER', netCents: 2507, vatCents: 552, totalCents: 3059 });
    await billAs(customer, 'EU_BUSINESS');
    const { order } = await call(CONFIRM, { id: quote.id });
    expect(order).toMatchObject({ taxProfile: 'IT_CONSUMER', vatRatePercent: 22, vatNatura: null, vatCents: 552, totalCents: 3059 });
    const { invoice } = await call(RECORD, { code: order.code, amount: 3059 }, { token: admin.token });
    expect(invoice).toMatchObject({ taxProfile: 'IT_CONSUMER', vatRatePercent: 22, vatCents: 552, totalCents: 3059, billing: { kind: 'COMPANY', companyName: 'Beispiel GmbH', country: 'DE' } });

    const { quote: reverse } = await call(QUOTE, { serviceId: (await hosting(customer)).id, code: 'BUSINESS' });
    await billAs(customer, 'IT_BUSINESS');
    expect((await call(CONFIRM, { id: reverse.id })).order).toMatchObject({ taxProfile: 'EU_BUSINESS', vatRatePercent: 0, vatNatura: 'N2.1', netCents: 2507, vatCents: 0, totalCents: 2507 });
  });

  it("renews an EU business's service without VAT, saying why in the customer's language", async () => {
    process.env.PORTAL_TODAY = '2026-07-02';
    const english = await newAccount(db, { locale: 'en' });
    await billAs(english, 'EU_BUSINESS');
    const { order } = await call(RENEW, { id: (await hosting(english)).id }, { token: english.token });
    expect(order).toMatchObject({
      taxProfile: 'EU_BUSINESS', vatRatePercent: 0, vatNatura: 'N2.1', netCents: 4900, vatCents: 0, totalCents: 4900,
      lines: [{ amountCents: 4900 }, { amountCents: 0, description: vatTreatment('EU_BUSINESS').note!.en }],
    });
    await billAs(english, 'FOREIGN_CONSUMER');
    expect((await call(RENEW, { id: (await hosting(english)).id }, { token: english.token })).order).toMatchObject({ taxProfile: 'FOREIGN_CONSUMER', vatCents: 1078, totalCents: 5978, lines: [{ amountCents: 4900 }] });
  });

  it('reads the kind and names of an invoice issued before they were kept from its name and VAT number', async () => {
    process.env.PORTAL_TODAY = '2026-07-02';
    await billAs(customer, 'IT_CONSUMER');
    const { order } = await call(RENEW, { id: (await hosting(customer)).id });
    const { invoice } = await call(RECORD, { code: order.code, amount: order.totalCents }, { token: admin.token });
    await db.query(`UPDATE invoices SET billing = billing - 'kind' - 'firstName' - 'lastName' || '{"name": "Anna Maria Bianchi"}' WHERE year = $1 AND number = $2`, invoice.number.split('/').map(Number));
    const { body } = await api.gql('{ invoices(first: 100) { edges { node { number billing { kind name firstName lastName companyName } } } } }', {}, { token: customer.token });
    const read = body.data.invoices.edges.map((e: any) => e.node).find((n: any) => n.number === invoice.number);
    expect(read.billing).toEqual({ kind: 'PERSON', name: 'Anna Maria Bianchi', firstName: 'Anna', lastName: 'Maria Bianchi', companyName: null });
  });
});
