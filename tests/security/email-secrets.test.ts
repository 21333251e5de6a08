import type { DataSource } from 'typeorm';
import { SECRET_FIELDS, type EmailTemplate } from '@/domain/emails';
import { createMailer } from '@/lib/mailer';
import { authenticateWithPassword } from '@/operations/access/authenticate';
import { deliverOutbox } from '@/operations/notifications/deliver-outbox';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type AccountLogin, type Login } from '../support/fixtures';
import { LocalSmtp } from '../support/smtp';

const database = useTestDatabase();
const api = useGraphQLServer();
const smtp = new LocalSmtp();
let db: DataSource;
let reseller: AccountLogin;
let admin: Login;

const NOTIFICATIONS = `query($accountId: ID) { notifications(first: 100, accountId: $accountId) {
  edges { node { id template toEmail subject bodyText bodyHtml status } } } }`;

interface SecretCarrier {
  /** Has the message sent for the client, the way a visitor would. */
  send(client: AccountLogin): Promise<void>;
  /** Whom the message goes to (the client's login when not said). */
  to?(client: AccountLogin): string;
  /** The secret inside a text, if any. */
  secretIn(text: string): string | undefined;
  /** Uses the secret as its recipient would, asserting it works. */
  use(secret: string, client: AccountLogin): Promise<void>;
}

/** Every template that carries a secret, with how it is sent and how its secret is used. */
const CARRIERS: Partial<Record<EmailTemplate, SecretCarrier>> = {
  PASSWORD_RESET: {
    async send(client) {
      const { body } = await api.gql('mutation($email: String!) { requestPasswordReset(input: { email: $email }) { ok } }', { email: client.user.email });
      expect(body.data.requestPasswordReset.ok).toBe(true);
    },
    secretIn: (text) => /reimposta-password\?token=([\w-]+)/.exec(text)?.[1],
    async use(secret, client) {
      const { body } = await api.gql('mutation($token: String!) { resetPassword(input: { token: $token, password: "chosen by the owner" }) { ok userErrors { code } } }', { token: secret });
      expect(body.data.resetPassword).toEqual({ ok: true, userErrors: [] });
      expect(await authenticateWithPassword(db, client.user.email, 'chosen by the owner')).toBe(client.user.id);
    },
  },
  EMAIL_CHANGE: {
    to: (client) => `new-${client.user.id.slice(0, 8)}@example.test`,
    async send(client) {
      const { body } = await api.gql('mutation($email: String!) { requestEmailChange(input: { newEmail: $email, currentPassword: "correct horse battery" }) { ok } }',
        { email: CARRIERS.EMAIL_CHANGE!.to!(client) }, { cookie: client.cookie });
      expect(body.data.requestEmailChange.ok).toBe(true);
    },
    secretIn: (text) => /conferma-email\?token=([\w-]+)/.exec(text)?.[1],
    async use(secret, client) {
      const { body } = await api.gql('mutation($token: String!) { confirmEmailChange(input: { token: $token }) { ok } }', { token: secret });
      expect(body.data.confirmEmailChange.ok).toBe(true);
      expect(await authenticateWithPassword(db, CARRIERS.EMAIL_CHANGE!.to!(client), 'correct horse battery')).toBe(client.user.id);
    },
  },
  INVITATION: {
    to: (client) => `invited-${client.user.id.slice(0, 8)}@example.test`,
    async send(client) {
      const { body } = await api.gql('mutation($email: String!) { inviteUser(input: { email: $email, role: BILLING }) { userErrors { code } } }',
        { email: CARRIERS.INVITATION!.to!(client) }, { cookie: client.cookie });
      expect(body.data.inviteUser.userErrors).toEqual([]);
    },
    secretIn: (text) => /invito\?token=([\w-]+)/.exec(text)?.[1],
    async use(secret, client) {
      const { body } = await api.gql('mutation($token: String!) { acceptInvitation(input: { token: $token, password: "chosen by the invitee", name: "Invitato" }) { ok } }', { token: secret });
      expect(body.data.acceptInvitation.ok).toBe(true);
      expect(await authenticateWithPassword(db, CARRIERS.INVITATION!.to!(client), 'chosen by the invitee')).toEqual(expect.any(String));
    },
  },
};

const recipientOf = (template: EmailTemplate, client: AccountLogin) => CARRIERS[template]?.to?.(client) ?? client.user.email;

/** What each reader is shown of the client's messages: the client, its reseller, the back office (the client's, and everyone's). */
async function listedToReaders(client: AccountLogin, to = client.user.email): Promise<string[]> {
  const readers: [string, string | null][] = [[client.token, null], [reseller.token, client.account.id], [admin.token, client.account.id], [admin.token, null]];
  return Promise.all(readers.map(async ([token, accountId]) => {
    const { body } = await api.gql(NOTIFICATIONS, { accountId }, { token });
    expect(body.errors).toBeUndefined();
    return JSON.stringify(body.data.notifications.edges.filter((edge: any) => edge.node.toEmail === to));
  }));
}

const storedRows = async (client: AccountLogin): Promise<string> =>
  JSON.stringify(await db.query(`SELECT row_to_json(n)::text AS "row" FROM notifications n WHERE n.account_id = $1`, [client.account.id]));

beforeAll(async () => {
  db = await database.db();
  reseller = await newAccount(db, { kind: 'RESELLER' });
  admin = await newAdmin(db);
  await smtp.start();
});

afterAll(() => smtp.stop());

it('knows how to send and use every template that carries a secret', () => {
  const declared = (Object.keys(SECRET_FIELDS) as EmailTemplate[]).filter((template) => SECRET_FIELDS[template].length);
  expect(Object.keys(CARRIERS).sort()).toEqual(declared.sort());
});

describe.each(Object.keys(CARRIERS) as EmailTemplate[])('a %s email', (template) => {
  const carrier = CARRIERS[template]!;

  it('reaches the mailbox with its secret, which works; no reader and no stored copy ever has it', async () => {
    const client = await newAccount(db, { locale: 'en', resellerId: reseller.account.id });
    await carrier.send(client);
    const to = recipientOf(template, client);
    const beforeDelivery = await listedToReaders(client, to);
    for (const listed of beforeDelivery) expect(listed).toContain(template);

    const mailer = createMailer(smtp.url());
    await deliverOutbox(db, mailer);
    mailer.close();
    const mail = smtp.received.find((received) => received.to === to);
    const secret = carrier.secretIn(mail!.text)!;
    expect(secret).toMatch(/^[\w-]{20,}$/);

    const afterDelivery = await listedToReaders(client, to);
    for (const listed of [...beforeDelivery, ...afterDelivery]) {
      expect(listed).not.toContain(secret);
      expect(carrier.secretIn(listed)).toBeUndefined();
      expect(listed).toContain('only in the email sent');
    }
    expect(afterDelivery[0]).toContain('"status":"SENT"');
    expect(await storedRows(client)).not.toContain(secret);
    await carrier.use(secret, client);
  });

  it('is kept nowhere with its secret when captured (no mail server configured)', async () => {
    const client = await newAccount(db, { locale: 'it', resellerId: reseller.account.id });
    await carrier.send(client);
    // Also whatever an earlier case left pending (a confirmed email change tells the old address).
    expect((await deliverOutbox(db, null)).captured).toBeGreaterThanOrEqual(1);
    const stored = await storedRows(client);
    expect(stored).toContain('CAPTURED');
    expect(carrier.secretIn(stored)).toBeUndefined();
    expect((await listedToReaders(client, recipientOf(template, client)))[0]).toContain('solo nell\'email inviata');
  });
});
