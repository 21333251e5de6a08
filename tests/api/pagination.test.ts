import type { DataSource } from 'typeorm';
import { Service } from '@/entities';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, type AccountLogin } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
let owner: AccountLogin;

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-03-01';
  const db: DataSource = await database.db();
  owner = await newAccount(db);
  const product = await db.query(`SELECT id FROM products WHERE code = 'HVPARK'`);
  await db.getRepository(Service).insert(Array.from({ length: 130 }, (_, i) => ({
    accountId: owner.account.id, productId: product[0].id, domain: `site-${String(i).padStart(3, '0')}.it`, status: 'ACTIVE' as const,
    termStartsOn: '2026-01-01', expiresOn: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`, recurringPriceCents: 1500,
  })));
});

const page = (field: string) => `query($first: Int, $after: String) { ${field}(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { domain expiresOn daysLeft } } } }`;

describe('connections', () => {
  it('caps first at 100', async () => {
    const { body } = await api.gql(page('services'), { first: 1000 }, { token: owner.token });
    expect(body.data.services.edges).toHaveLength(100);
    expect(body.data.services.totalCount).toBe(130);
    expect(body.data.services.pageInfo.hasNextPage).toBe(true);
  });

  it('returns 20 by default', async () => {
    const { body } = await api.gql(page('services'), {}, { token: owner.token });
    expect(body.data.services.edges).toHaveLength(20);
  });

  it('refuses a negative first with a message naming it', async () => {
    const { body } = await api.gql(page('services'), { first: -1 }, { token: owner.token });
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringContaining('first'), extensions: { code: 'BAD_USER_INPUT', problems: [{ code: 'INVALID', field: 'first' }] } });
  });

  it('refuses a cursor it did not issue', async () => {
    const { body } = await api.gql(page('services'), { after: 'bm90IGEgY3Vyc29y' }, { token: owner.token });
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringContaining('after'), extensions: { code: 'BAD_USER_INPUT', problems: [{ code: 'INVALID_CURSOR', field: 'after' }] } });
  });

  it('walks every service exactly once, in order, by cursor', async () => {
    for (const field of ['services', 'expirySchedule']) {
      const seen: { domain: string; expiresOn: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const { body }: any = await api.gql(page(field), { first: 37, after }, { token: owner.token });
        const connection = body.data[field];
        seen.push(...connection.edges.map((e: any) => e.node));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(130);
      expect(new Set(seen.map((s) => s.domain)).size).toBe(130);
      const key = field === 'services' ? (s: { domain: string }) => s.domain : (s: { expiresOn: string }) => s.expiresOn;
      expect(seen.map(key)).toEqual([...seen.map(key)].sort());
    }
  });

  it('filters the schedule to the services expiring within a number of days', async () => {
    process.env.PORTAL_TODAY = '2026-12-27';
    const { body } = await api.gql('{ expirySchedule(withinDays: 7, first: 100) { totalCount edges { node { expiresOn daysLeft } } } }', {}, { token: owner.token });
    // 2027-01-01 … 2027-01-03, five services per day for days 1–18 of the 28-day cycle
    expect(body.data.expirySchedule.edges.map((e: any) => e.node.daysLeft)).toEqual([5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7]);
    expect(body.data.expirySchedule.totalCount).toBe(15);
  });
});
