import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';

useTestDatabase();
const api = useGraphQLServer();

describe('catalog', () => {
  it('is readable without signing in, with the prices of the product specification', async () => {
    const { status, body } = await api.gql('{ catalog { products { code priceCents changeFeeCents category { code } } } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const prices = Object.fromEntries(body.data.catalog.products.map((p: { code: string; priceCents: number }) => [p.code, p.priceCents]));
    expect(prices).toEqual({
      HVPARK: 1500, 'PEC-STD': 900, PERSONAL15: 4900, BUSINESS: 9900, PROFESSIONAL: 17900, EASY: 19900,
      'VPS-S': 24000, 'VPS-M': 48000, 'CLOUD-S': 36000, 'CLOUD-M': 72000, 'DED-S': 120000,
    });
    expect(body.data.catalog.products.every((p: { changeFeeCents: number }) => p.changeFeeCents === 2000)).toBe(true);
  });

  it('groups products by category, with features and formatted prices in the asked language', async () => {
    const query = `{ catalog { categories { code name products { code price { cents currency formatted } features { webSpaceGb databases mailboxes additionalDomains server pecMailboxes } } } } }`;
    const it = await api.gql(query);
    const hosting = it.body.data.catalog.categories.find((c: { code: string }) => c.code === 'HOSTING');
    expect(hosting.products.map((p: { code: string }) => p.code)).toEqual(['PERSONAL15', 'BUSINESS', 'PROFESSIONAL']);
    expect(hosting.products[1]).toEqual({
      code: 'BUSINESS', price: { cents: 9900, currency: 'EUR', formatted: '€ 99,00' },
      features: { webSpaceGb: 5, databases: 5, mailboxes: 25, additionalDomains: 0, server: false, pecMailboxes: 0 },
    });
    const reseller = it.body.data.catalog.categories.find((c: { code: string }) => c.code === 'RESELLER');
    expect(reseller.name).toBe('Hosting per rivenditori');

    const en = await api.gql(query, {}, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const dedicated = en.body.data.catalog.categories.find((c: { code: string }) => c.code === 'DEDICATED');
    expect(dedicated.name).toBe('Dedicated server');
    expect(dedicated.products[0].price.formatted).toBe('€1,200.00');
  });
});
