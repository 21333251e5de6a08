import fc from 'fast-check';
import { addDays, addYears } from '@/domain/calendar';
import { prorate, type Locale } from '@/domain/money';
import {
  describeCancellation,
  priceServiceChange,
  type ClientDomain,
  type ProductTerms,
  type ServiceTerms,
} from '@/domain/service-change';

const none = { webSpaceGb: 0, databases: 0, mailboxes: 0, additionalDomains: 0, server: false, pecMailboxes: 0, changeFeeCents: 2000 };
const product = (code: string, name: string, category: string, priceCents: number, features: Partial<ProductTerms> = {}): ProductTerms =>
  ({ ...none, code, name, category, priceCents, ...features });

const CATALOG = {
  HVPARK: product('HVPARK', 'HV Park', 'DOMAIN', 1500),
  'PEC-STD': product('PEC-STD', 'PEC Standard', 'PEC', 900, { pecMailboxes: 1 }),
  PERSONAL15: product('PERSONAL15', 'Personal 15', 'HOSTING', 4900, { webSpaceGb: 1, databases: 1, mailboxes: 5 }),
  BUSINESS: product('BUSINESS', 'Business', 'HOSTING', 9900, { webSpaceGb: 5, databases: 5, mailboxes: 25 }),
  EASY: product('EASY', 'Easy', 'RESELLER', 19900, { webSpaceGb: 20, databases: 50, mailboxes: 250, additionalDomains: 50 }),
  'VPS-S': product('VPS-S', 'VPS S', 'VPS', 24000, { server: true }),
  'CLOUD-S': product('CLOUD-S', 'Cloud S', 'CLOUD', 36000, { server: true }),
  'DED-S': product('DED-S', 'Dedicated S', 'DEDICATED', 120000, { server: true }),
};
type Code = keyof typeof CATALOG;
const CODES = Object.keys(CATALOG) as Code[];

function service(code: Code, termStartsOn = '2026-01-01', expiresOn = '2027-01-01', recurringPriceCents = CATALOG[code].priceCents): ServiceTerms {
  return { domain: 'dominio.it', termStartsOn, expiresOn, recurringPriceCents, product: CATALOG[code] };
}

function quote(from: Code | ServiceTerms, to: Code, today: string, locale: Locale = 'en', clientDomains: ClientDomain[] = []) {
  return priceServiceChange({ service: typeof from === 'string' ? service(from) : from, target: CATALOG[to], today, clientDomains, locale });
}

const amounts = (q: ReturnType<typeof quote>) => q.lines.map((line) => [line.kind, line.amountCents]);

const CLIENTS: ClientDomain[] = [
  { serviceId: 's-1', domain: 'alfa.it', accountName: 'Alfa Srl' },
  { serviceId: 's-2', domain: 'beta.it', accountName: 'Beta Snc' },
  { serviceId: 's-3', domain: 'gamma.it', accountName: 'Mario Rossi' },
];

describe('worked examples (docs/product-rules.md, Changing a service)', () => {
  it('1. PERSONAL15 → BUSINESS on 2026-07-02 prorates credit and new plan', () => {
    const q = quote('PERSONAL15', 'BUSINESS', '2026-07-02');
    expect(q).toMatchObject({
      direction: 'UPGRADE', nearExpiry: false, daysRemaining: 183, termDays: 365,
      netCents: 2507, vatCents: 552, totalCents: 3059,
      newExpiresOn: '2027-01-01', effectiveOn: '2026-07-02', newRecurringPriceCents: 9900,
      renewalPriceCents: 9900, renewalDueOnExpiry: false, freeDays: 0, deactivations: [],
    });
    expect(amounts(q)).toEqual([['CREDIT', -2457], ['NEW_PLAN', 4964]]);
    expect(q.lines[0].description).toBe('Credit for 183 unused days of PERSONAL15 (dominio.it)');
    expect(quote('PERSONAL15', 'BUSINESS', '2026-07-02', 'it').lines[0].description)
      .toBe('Credito per 183 giorni non goduti di PERSONAL15 (dominio.it)');
  });

  it('2. the same upgrade near expiry charges the full year and moves the expiry', () => {
    const q = quote('PERSONAL15', 'BUSINESS', '2026-11-15');
    expect(q).toMatchObject({
      direction: 'UPGRADE', nearExpiry: true, daysRemaining: 47, termDays: 365,
      netCents: 9900, vatCents: 2178, totalCents: 12078,
      newExpiresOn: '2028-01-01', renewalPriceCents: 9900, renewalDueOnExpiry: false, freeDays: 47,
    });
    expect(amounts(q)).toEqual([['NEW_PLAN_FULL_YEAR', 9900]]);
    expect(q.lines[0].description).toBe('Service change PERSONAL15 → BUSINESS (dominio.it), one year expiring 2028-01-01 with 47 days free');
    expect(quote('PERSONAL15', 'BUSINESS', '2026-11-15', 'it').lines[0].description)
      .toBe('Cambio servizio PERSONAL15 → BUSINESS (dominio.it), un anno con scadenza 01/01/2028 e 47 giorni in omaggio');
  });

  it('2. r = 60 (2026-11-02) is near expiry, r = 61 (2026-11-01) is prorated', () => {
    const at60 = quote('PERSONAL15', 'BUSINESS', '2026-11-02');
    expect(at60).toMatchObject({ daysRemaining: 60, nearExpiry: true, netCents: 9900, totalCents: 12078, newExpiresOn: '2028-01-01', freeDays: 60 });
    const at61 = quote('PERSONAL15', 'BUSINESS', '2026-11-01');
    // 4900·61/365 = 818.90 → 819; 9900·61/365 = 1654.52 → 1655
    expect(amounts(at61)).toEqual([['CREDIT', -819], ['NEW_PLAN', 1655]]);
    expect(at61).toMatchObject({ daysRemaining: 61, nearExpiry: false, netCents: 836, vatCents: 184, totalCents: 1020, newExpiresOn: '2027-01-01', freeDays: 0 });
  });

  it('3. BUSINESS → HVPARK on 2026-07-02 costs the change fee and lists what is lost', () => {
    const q = quote('BUSINESS', 'HVPARK', '2026-07-02');
    expect(q).toMatchObject({
      direction: 'DOWNGRADE', nearExpiry: false, daysRemaining: 183,
      netCents: 2000, vatCents: 440, totalCents: 2440,
      newExpiresOn: '2027-01-01', newRecurringPriceCents: 1500, renewalPriceCents: 1500, renewalDueOnExpiry: false, freeDays: 0,
    });
    expect(amounts(q)).toEqual([['CHANGE_FEE', 2000]]);
    expect(q.deactivations).toEqual([
      { kind: 'FEATURE', description: '5 GB web space', domain: 'dominio.it', serviceId: null },
      { kind: 'FEATURE', description: '5 databases', domain: 'dominio.it', serviceId: null },
      { kind: 'FEATURE', description: '25 mailboxes', domain: 'dominio.it', serviceId: null },
    ]);
    expect(quote('BUSINESS', 'HVPARK', '2026-07-02', 'it').deactivations.map((d) => d.description))
      .toEqual(['Spazio web 5 GB', '5 database', '25 caselle email']);
    expect(quote('BUSINESS', 'HVPARK', '2026-11-15')).toMatchObject({ nearExpiry: true, renewalPriceCents: 1500, renewalDueOnExpiry: true, totalCents: 2440 });
  });

  it('4. EASY with 3 clients → BUSINESS is a downgrade listing the 3 client domains', () => {
    const q = quote('EASY', 'BUSINESS', '2026-07-02', 'en', CLIENTS);
    expect(q.direction).toBe('DOWNGRADE');
    expect(q).toMatchObject({ netCents: 2000, vatCents: 440, totalCents: 2440, newExpiresOn: '2027-01-01' });
    expect(q.deactivations.filter((d) => d.kind === 'DOMAIN')).toEqual([
      { kind: 'DOMAIN', description: 'Additional domain alfa.it of client Alfa Srl', domain: 'alfa.it', serviceId: 's-1' },
      { kind: 'DOMAIN', description: 'Additional domain beta.it of client Beta Snc', domain: 'beta.it', serviceId: 's-2' },
      { kind: 'DOMAIN', description: 'Additional domain gamma.it of client Mario Rossi', domain: 'gamma.it', serviceId: 's-3' },
    ]);
    expect(q.deactivations.filter((d) => d.kind === 'FEATURE').map((d) => d.description)).toEqual([
      '15 GB of web space (20 GB → 5 GB)', '45 databases (50 → 5)', '225 mailboxes (250 → 25)', '50 additional domains',
    ]);
  });
});

describe('rules beyond the worked examples', () => {
  it('describes a partial loss with what remains, in both languages', () => {
    expect(quote('BUSINESS', 'PERSONAL15', '2026-07-02').deactivations.map((d) => d.description))
      .toEqual(['4 GB of web space (5 GB → 1 GB)', '4 databases (5 → 1)', '20 mailboxes (25 → 5)']);
    expect(quote('BUSINESS', 'PERSONAL15', '2026-07-02', 'it').deactivations.map((d) => d.description))
      .toEqual(['4 GB di spazio web (5 GB → 1 GB)', '4 database (5 → 1)', '20 caselle email (25 → 5)']);
  });

  it('names the server lost, and lists losses on an upgrade too', () => {
    expect(quote('VPS-S', 'BUSINESS', '2026-07-02').deactivations.map((d) => d.description)).toEqual(['Server (VPS S)']);
    const upgrade = quote('EASY', 'VPS-S', '2026-07-02', 'it', CLIENTS);
    expect(upgrade.direction).toBe('UPGRADE');
    expect(upgrade.deactivations.map((d) => d.description)).toEqual([
      'Spazio web 20 GB', '50 database', '250 caselle email', '50 domini aggiuntivi',
      'Dominio aggiuntivo alfa.it del cliente Alfa Srl', 'Dominio aggiuntivo beta.it del cliente Beta Snc', 'Dominio aggiuntivo gamma.it del cliente Mario Rossi',
    ]);
    expect(quote('PEC-STD', 'HVPARK', '2026-07-02').deactivations.map((d) => d.description)).toEqual(['1 PEC mailbox']);
  });

  it('does not list client domains while the target keeps some additional domains', () => {
    const reseller = product('MINI-RES', 'Mini reseller', 'RESELLER', 15000, { webSpaceGb: 20, databases: 50, mailboxes: 250, additionalDomains: 2 });
    const q = priceServiceChange({ service: service('EASY'), target: reseller, today: '2026-07-02', clientDomains: CLIENTS, locale: 'en' });
    expect(q.deactivations).toEqual([{ kind: 'FEATURE', description: '48 additional domains (50 → 2)', domain: 'dominio.it', serviceId: null }]);
  });

  it('caps the credit of a legacy price above the new list price: the net is never negative', () => {
    const q = quote(service('PERSONAL15', '2026-01-01', '2027-01-01', 12000), 'BUSINESS', '2026-07-02');
    expect(amounts(q)).toEqual([['CREDIT', -4964], ['NEW_PLAN', 4964]]);
    expect(q).toMatchObject({ netCents: 0, vatCents: 0, totalCents: 0 });
  });

  it('never writes a negative zero for a free service credit', () => {
    expect(Object.is(quote(service('PERSONAL15', '2026-01-01', '2027-01-01', 0), 'BUSINESS', '2026-07-02').lines[0].amountCents, 0)).toBe(true);
  });

  it('applies the formula as written when r exceeds T after an early renewal', () => {
    // Renewed early: the new term runs 2027-01-01 → 2028-01-01 and today is before it starts.
    const q = quote(service('PERSONAL15', '2027-01-01', '2028-01-01'), 'BUSINESS', '2026-07-02');
    expect(q).toMatchObject({ daysRemaining: 548, termDays: 365 });
    expect(amounts(q)).toEqual([['CREDIT', -prorate(4900, 548, 365)], ['NEW_PLAN', prorate(9900, 548, 365)]]);
    expect(amounts(q)).toEqual([['CREDIT', -7357], ['NEW_PLAN', 14864]]);
  });

  it('refuses a change on or after the expiry day and a change to the same product', () => {
    expect(() => quote('PERSONAL15', 'BUSINESS', '2027-01-01')).toThrow(RangeError);
    expect(() => quote('PERSONAL15', 'BUSINESS', '2027-03-01')).toThrow(RangeError);
    expect(() => quote('BUSINESS', 'BUSINESS', '2026-07-02')).toThrow(RangeError);
  });

  it('handles leap years: T = 366 in 2028 and 29 February becomes 28 February', () => {
    expect(quote(service('PERSONAL15', '2028-01-01', '2029-01-01'), 'BUSINESS', '2028-07-02').termDays).toBe(366);
    const fromLeapDay = quote(service('PERSONAL15', '2028-02-29', '2029-02-28'), 'BUSINESS', '2029-01-15');
    expect(fromLeapDay).toMatchObject({ termDays: 365, nearExpiry: true, newExpiresOn: '2030-02-28', freeDays: 44 });
    const toLeapDay = quote(service('PERSONAL15', '2027-02-28', '2028-02-29'), 'BUSINESS', '2028-02-01');
    expect(toLeapDay).toMatchObject({ termDays: 366, newExpiresOn: '2029-02-28' });
  });
});

describe('describeCancellation', () => {
  it('lists the service itself', () => {
    expect(describeCancellation({ service: service('BUSINESS'), clientDomains: [], locale: 'it' })).toEqual([
      { kind: 'SERVICE', description: 'Servizio BUSINESS per dominio.it', domain: 'dominio.it', serviceId: null },
    ]);
  });

  it('lists every client domain of a reseller plan', () => {
    const list = describeCancellation({ service: service('EASY'), clientDomains: CLIENTS, locale: 'en' });
    expect(list.map((d) => [d.kind, d.description, d.serviceId])).toEqual([
      ['SERVICE', 'EASY service for dominio.it', null],
      ['DOMAIN', 'Additional domain alfa.it of client Alfa Srl', 's-1'],
      ['DOMAIN', 'Additional domain beta.it of client Beta Snc', 's-2'],
      ['DOMAIN', 'Additional domain gamma.it of client Mario Rossi', 's-3'],
    ]);
  });
});

/** Any pair of distinct catalog products, any term of 1..800 days, any r ≥ 1 (up to 400 beyond T), any legacy price. */
const arbChange = fc
  .record({
    from: fc.constantFrom(...CODES),
    to: fc.constantFrom(...CODES),
    start: fc.integer({ min: 0, max: 3650 }),
    T: fc.integer({ min: 1, max: 800 }),
    r: fc.integer({ min: 1, max: 1200 }),
    legacy: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
  })
  .filter(({ from, to, T, r }) => from !== to && r <= T + 400)
  .map(({ from, to, start, T, r, legacy }) => {
    const termStartsOn = addDays('2024-01-01', start);
    const expiresOn = addDays(termStartsOn, T);
    return { from, to, T, r, today: addDays(expiresOn, -r), service: service(from, termStartsOn, expiresOn, legacy ?? CATALOG[from].priceCents) };
  });

describe('properties', () => {
  it('lines sum to the net, total = net + VAT, every amount is a safe integer', () => {
    fc.assert(fc.property(arbChange, ({ service: s, to, today, r, T }) => {
      const q = quote(s, to, today);
      expect(q).toMatchObject({ daysRemaining: r, termDays: T });
      const all = [...q.lines.map((line) => line.amountCents), q.netCents, q.vatCents, q.totalCents];
      expect(all.every(Number.isSafeInteger)).toBe(true);
      expect(q.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(q.netCents);
      expect(q.totalCents).toBe(q.netCents + q.vatCents);
    }));
  });

  it('an upgrade with r > 60 charges between 0 and round(new·r/T)', () => {
    fc.assert(fc.property(arbChange, ({ service: s, to, today, r, T }) => {
      const q = quote(s, to, today);
      fc.pre(q.direction === 'UPGRADE' && r > 60);
      expect(q.netCents).toBeGreaterThanOrEqual(0);
      expect(q.netCents).toBeLessThanOrEqual(prorate(CATALOG[to].priceCents, r, T));
      expect(q.newExpiresOn).toBe(s.expiresOn);
    }));
  });

  it('the prorated upgrade charge never decreases as r grows (catalog prices, T = 365 or 366)', () => {
    for (const from of CODES) for (const to of CODES) {
      if (CATALOG[to].priceCents <= CATALOG[from].priceCents) continue;
      for (const [start, end] of [['2026-01-01', '2027-01-01'], ['2028-01-01', '2029-01-01']]) {
        let previous = 0;
        for (let today = addDays(start, 0); today <= addDays(end, -61); today = addDays(today, 1)) {
          const net = quote(service(from, start, end), to, today).netCents;
          if (today !== start) expect(net).toBeLessThanOrEqual(previous); // r shrinks as today advances
          previous = net;
        }
      }
    }
  });

  it('with arbitrary prices the charge may dip by at most one cent as r grows (each line is rounded on its own)', () => {
    // e.g. a legacy 94 → 109 with T = 502: net 2 at r = 61, 1 at r = 62. The spec rounds each line.
    fc.assert(fc.property(arbChange, ({ service: s, to, today, r, T }) => {
      fc.pre(r > 60 && r < T);
      const q = quote(s, to, today);
      fc.pre(q.direction === 'UPGRADE');
      expect(quote(s, to, addDays(today, -1)).netCents).toBeGreaterThanOrEqual(q.netCents - 1);
    }));
  });

  it('the rule flips exactly between r = 60 and r = 61', () => {
    fc.assert(fc.property(arbChange, ({ service: s, to }) => {
      fc.pre(CATALOG[to].priceCents > s.product.priceCents && s.termStartsOn < addDays(s.expiresOn, -61));
      const at60 = quote(s, to, addDays(s.expiresOn, -60));
      const at61 = quote(s, to, addDays(s.expiresOn, -61));
      expect(at60.lines.map((line) => line.kind)).toEqual(['NEW_PLAN_FULL_YEAR']);
      expect(at60).toMatchObject({ nearExpiry: true, netCents: CATALOG[to].priceCents, newExpiresOn: addYears(s.expiresOn, 1), freeDays: 60 });
      expect(at61.lines.map((line) => line.kind)).toEqual(['CREDIT', 'NEW_PLAN']);
      expect(at61).toMatchObject({ nearExpiry: false, newExpiresOn: s.expiresOn, freeDays: 0 });
    }));
  });

  it('a downgrade costs exactly the change fee whatever r', () => {
    fc.assert(fc.property(arbChange, ({ service: s, to, today, r }) => {
      const q = quote(s, to, today);
      fc.pre(q.direction === 'DOWNGRADE');
      expect(amounts(q)).toEqual([['CHANGE_FEE', 2000]]);
      expect(q).toMatchObject({ netCents: 2000, vatCents: 440, totalCents: 2440, newExpiresOn: s.expiresOn, freeDays: 0 });
      expect(q.renewalPriceCents).toBe(CATALOG[to].priceCents);
      expect(q.renewalDueOnExpiry).toBe(r <= 60);
    }));
  });
});

/** Independent reference: round half-up of a·r/T in BigInt. */
const roundBig = (a: number, r: number, T: number) => Number((2n * BigInt(a) * BigInt(r) + BigInt(T)) / (2n * BigInt(T)));
const vatBig = (net: number) => Number((2n * BigInt(net) * 22n + 100n) / 200n);

const REPRESENTATIVES: Code[] = ['HVPARK', 'PEC-STD', 'PERSONAL15', 'EASY', 'VPS-S', 'CLOUD-S', 'DED-S'];
const TERMS = { 365: ['2026-01-01', '2027-01-01'], 366: ['2028-01-01', '2029-01-01'] } as const;
const MATRIX = REPRESENTATIVES.flatMap((from) => REPRESENTATIVES.filter((to) => to !== from).flatMap((to) =>
  [1, 60, 61, 183, 365].flatMap((r) => ([365, 366] as const).map((T) => ({
    name: `${CATALOG[from].category}→${CATALOG[to].category} r=${r} T=${T}`, from, to, r, T,
  })))));

describe('proration matrix (category × category × r × T)', () => {
  it.each(MATRIX)('$name', ({ from, to, r, T }) => {
    const [termStartsOn, expiresOn] = TERMS[T];
    const today = addDays(expiresOn, -r); // r = 365, T = 365: today is termStartsOn
    if (r === T) expect(today).toBe(termStartsOn);
    const [oldPrice, newPrice] = [CATALOG[from].priceCents, CATALOG[to].priceCents];
    const expected = newPrice <= oldPrice
      ? [['CHANGE_FEE', 2000]]
      : r <= 60
        ? [['NEW_PLAN_FULL_YEAR', newPrice]]
        : [['CREDIT', -roundBig(oldPrice, r, T)], ['NEW_PLAN', roundBig(newPrice, r, T)]];
    const net = expected.reduce((sum, [, amount]) => sum + (amount as number), 0);

    const q = quote(service(from, termStartsOn, expiresOn), to, today);
    expect(q).toMatchObject({ daysRemaining: r, termDays: T, netCents: net, vatCents: vatBig(net), totalCents: net + vatBig(net) });
    expect(amounts(q)).toEqual(expected);
    expect(q.newExpiresOn).toBe(newPrice > oldPrice && r <= 60 ? addYears(expiresOn, 1) : expiresOn);
  });
});
