import type { DataSource } from 'typeorm';
import type { Account } from '@/entities';
import { listLifecycleRuns } from '@/operations/lifecycle/list-runs';
import { queueEmails } from '@/operations/notifications/queue-emails';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let alice: AccountLogin;
let bob: AccountLogin;
let admin: Login;

const NOTIFICATIONS = `query($first: Int, $after: String, $accountId: ID) { notifications(first: $first, after: $after, accountId: $accountId) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id template subject bodyText bodyHtml toEmail status createdAt sentAt lastError } } } }`;
const RUN = `mutation($date: Date) { runLifecycle(input: { date: $date }) {
  run { date reminders deactivations cancelledOrders durationMs actorLabel } userErrors { field code message } } }`;

/** Three messages queued in one transaction, so they share their creation instant. */
function queueFor(account: Account, tag: string) {
  return db.transaction((manager) => queueEmails(manager, [1, 2, 3].map((n) => ({
    accountId: account.id, toEmail: account.email, locale: account.locale, dedupeKey: `api-test:${tag}:${n}`,
    message: { template: 'ORDER_PAID' as const, orderCode: `HCS-2026-00000${n}`, totalCents: 1220, invoiceNumber: `2026/00000${n}`, link: `http://localhost/orders/${tag}/${n}` },
  }))));
}

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-05-01';
  db = await database.db();
  alice = await newAccount(db, { name: 'Alice', locale: 'en' });
  bob = await newAccount(db, { name: 'Bob' });
  admin = await newAdmin(db);
  await queueFor(alice.account, 'alice');
  await queueFor(bob.account, 'bob');
});

afterAll(() => { delete process.env.PORTAL_TODAY; });

describe('notifications', () => {
  it("lists the account's own messages, newest first, page by page", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { body }: { body: any } = await api.gql(NOTIFICATIONS, { first: 1, after }, { token: alice.token });
      expect(body.errors).toBeUndefined();
      expect(body.data.notifications.totalCount).toBe(3);
      seen.push(...body.data.notifications.edges.map((e: any) => e.node.bodyText));
      after = body.data.notifications.pageInfo.hasNextPage ? body.data.notifications.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((text) => /orders\/(\w+)\/\d/.exec(text)![1]))).toEqual(new Set(['alice']));

    const { body } = await api.gql(NOTIFICATIONS, { first: 1 }, { token: alice.token });
    expect(body.data.notifications.edges[0].node).toEqual({
      id: expect.any(String), template: 'ORDER_PAID', subject: expect.stringMatching(/^Payment received: order HCS-2026-00000\d$/), bodyText: expect.stringContaining('Invoice 2026/00000'),
      bodyHtml: expect.stringContaining('<a href="http://localhost/orders/alice/'), toEmail: alice.account.email, status: 'PENDING',
      createdAt: expect.any(String), sentAt: null, lastError: null,
    });
  });

  it("shows another account's messages to nobody but the back office", async () => {
    const asBob = await api.gql(NOTIFICATIONS, { accountId: alice.account.id }, { token: bob.token });
    expect(asBob.body.data.notifications.totalCount).toBe(0);
    const asAdmin = await api.gql(NOTIFICATIONS, { accountId: alice.account.id, first: 10 }, { token: admin.token });
    expect(asAdmin.body.data.notifications.edges.map((e: any) => e.node.toEmail)).toEqual([alice.account.email, alice.account.email, alice.account.email]);
    const all = await api.gql(NOTIFICATIONS, {}, { token: admin.token });
    expect(all.body.data.notifications.totalCount).toBe(6);
    expect(all.body.data.notifications.edges[0].node.toEmail).toBe(bob.account.email);
    const malformed = await api.gql(NOTIFICATIONS, { accountId: 'not-an-id' }, { token: admin.token });
    expect(malformed.body.data.notifications.totalCount).toBe(0);
    const anonymous = await api.gql(NOTIFICATIONS);
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('runLifecycle', () => {
  it('is for the back office only', async () => {
    const { body } = await api.gql(RUN, { date: '2026-05-01' }, { token: alice.token });
    expect(body.data).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const runs = await api.gql('{ lifecycleRuns { totalCount } }', {}, { token: alice.token });
    expect(runs.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('runs a day for an admin, today by default, and lists the runs', async () => {
    await newService(db, alice.account, { productCode: 'HVPARK', termStartsOn: '2025-05-31', expiresOn: '2026-05-31' });
    await newService(db, alice.account, { productCode: 'HVPARK', termStartsOn: '2025-04-28', expiresOn: '2026-04-28' });
    const { body } = await api.gql(RUN, {}, { token: admin.token });
    expect(body.data.runLifecycle).toEqual({
      run: { date: '2026-05-01', reminders: 1, deactivations: 1, cancelledOrders: 0, durationMs: expect.any(Number), actorLabel: admin.user.email },
      userErrors: [],
    });
    const again = await api.gql(RUN, { date: '2026-05-01' }, { token: admin.token });
    expect(again.body.data.runLifecycle.run).toMatchObject({ reminders: 0, deactivations: 0 });
    const runs = await api.gql('{ lifecycleRuns(first: 5) { totalCount edges { node { date reminders } } } }', {}, { token: admin.token });
    expect(runs.body.data.lifecycleRuns).toEqual({ totalCount: 2, edges: [{ node: { date: '2026-05-01', reminders: 0 } }, { node: { date: '2026-05-01', reminders: 1 } }] });
  });

  it('lists its runs to the back office alone, whoever calls the operation', async () => {
    const page = { first: 5, after: null };
    expect((await listLifecycleRuns(db, admin.actor, page)).rows).toHaveLength(2);
    expect((await listLifecycleRuns(db, alice.actor, page)).rows).toEqual([]);
  });

  it('reports a day that has not come yet as a userError, and a date that is not one as bad input', async () => {
    const { body } = await api.gql(RUN, { date: '2026-05-02' }, { token: admin.token });
    expect(body.data.runLifecycle).toEqual({ run: null, userErrors: [{ field: 'date', code: 'FUTURE_DATE', message: expect.stringContaining('has not come yet') }] });
    const malformed = await api.gql(RUN, { date: '2026-02-30' }, { token: admin.token });
    expect(malformed.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
