import { addDays, dateAt } from '@/domain/calendar';
import type { DataSource } from 'typeorm';
import { useGraphQLServer, type Caller } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newService, newSupport, type AccountLogin, type Login } from '../support/fixtures';

/** docs/product-rules.md, Support: a ticket from opening to reopening, over HTTP. */
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;
let other: AccountLogin;
let support: Login;
let serviceId: string;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const USER_ERRORS = 'userErrors { field code }';
const TICKET = 'id reference status department priority kind subject service { id } account { id } assignedToMe';
const THREAD = 'messages { author fromSupport internal channel body attachments { id fileName contentType sizeBytes url } }';

async function upload(caller: Caller, files: { name: string; bytes: Buffer }[]): Promise<Response> {
  const form = new FormData();
  for (const file of files) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  return api.raw({ path: '/api/tickets/attachments', method: 'POST', body: form, headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {} });
}

async function mutate(name: string, input: Record<string, unknown>, caller: Caller, fields = TICKET) {
  const { body } = await api.gql(`mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ticket { ${fields} } ${USER_ERRORS} } }`, { input }, caller);
  expect(body.errors).toBeUndefined();
  return body.data[name];
}

async function ticket(id: string, caller: Caller) {
  const { body } = await api.gql(`query($id: ID!) { ticket(id: $id) { ${TICKET} ${THREAD} } }`, { id }, caller);
  expect(body.errors).toBeUndefined();
  return body.data.ticket;
}

async function emails(template: string) {
  return db.query(`SELECT to_email AS "to", reply_to AS "replyTo", subject, body_text AS text FROM notifications WHERE template = $1 ORDER BY created_at`, [template]);
}

beforeAll(async () => {
  process.env.SUPPORT_REPLY_DOMAIN = 'reply.example.test';
  process.env.SUPPORT_EMAIL = 'help@example.test';
  db = await database.db();
  customer = await newAccount(db, { name: 'Anna Bianchi' });
  other = await newAccount(db);
  support = await newSupport(db);
  serviceId = (await newService(db, customer.account, { productCode: 'BUSINESS', domain: 'bianchi.it' })).id;
});

afterAll(() => {
  delete process.env.SUPPORT_REPLY_DOMAIN;
  delete process.env.SUPPORT_EMAIL;
});

describe('a support request', () => {
  let ticketId: string;
  let attachmentId: string;

  it('is opened about a service with an uploaded attachment; the customer is acknowledged and support told by email', async () => {
    const uploaded = await upload({ token: customer.token }, [{ name: 'screenshot.png', bytes: PNG }]);
    expect(uploaded.status).toBe(201);
    const [file] = (await uploaded.json()).attachments;
    expect(file).toMatchObject({ fileName: 'screenshot.png', contentType: 'image/png', sizeBytes: PNG.length });
    attachmentId = file.id;

    const opened = await mutate('openTicket', { subject: 'Il sito non risponde', department: 'TECHNICAL', priority: 'HIGH', serviceId, message: 'Da stamattina errore 500.', attachmentIds: [attachmentId] }, { token: customer.token });
    expect(opened.userErrors).toEqual([]);
    expect(opened.ticket).toMatchObject({ status: 'OPEN', department: 'TECHNICAL', priority: 'HIGH', kind: 'REQUEST', service: { id: serviceId }, account: { id: customer.account.id } });
    ticketId = opened.ticket.id;
    expect(opened.ticket.reference).toBe(`#${ticketId.slice(0, 8).toUpperCase()}`);

    const [ack] = await emails('TICKET_OPENED');
    expect(ack.to).toBe(customer.user.email);
    expect(ack.replyTo).toMatch(new RegExp(`^support\\+${ticketId}\\.[0-9a-f]{20}@reply\\.example\\.test$`));
    const [toSupport] = await emails('TICKET_TO_SUPPORT');
    expect(toSupport).toMatchObject({ to: 'help@example.test', replyTo: null });
    expect(toSupport.text).toContain('Da stamattina errore 500.');
  });

  it('an uploaded file is claimed once: sending it with a second message is NOT_FOUND', async () => {
    const again = await mutate('replyToTicket', { ticketId, message: 'di nuovo', attachmentIds: [attachmentId] }, { token: customer.token });
    expect(again.userErrors).toEqual([{ field: 'attachmentIds', code: 'NOT_FOUND' }]);
  });

  it("is in support's queue; support assigns it, notes internally and answers: the customer gets the answer by email, not the note", async () => {
    const { body } = await api.gql('{ tickets(filter: { status: OPEN, department: TECHNICAL, priority: HIGH }) { totalCount edges { node { id account { name } } } } }', {}, { token: support.token });
    expect(body.data.tickets).toEqual({ totalCount: 1, edges: [{ node: { id: ticketId, account: { name: 'Anna Bianchi' } } }] });

    const age = (days: number) => api.gql('query($days: Int) { tickets(filter: { olderThanDays: $days }) { totalCount } }', { days }, { token: support.token });
    expect((await age(1)).body.data.tickets.totalCount).toBe(0);
    expect((await age(0)).body.data.tickets.totalCount).toBe(1);
    expect((await age(2147483647)).body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'filter.olderThanDays', code: 'INVALID' }] });

    expect((await mutate('assignTicket', { ticketId }, { token: support.token })).ticket.assignedToMe).toBe(true);
    const mine = await api.gql('{ tickets(filter: { assignedToMe: true }) { totalCount } }', {}, { token: support.token });
    expect(mine.body.data.tickets.totalCount).toBe(1);
    expect((await mutate('addTicketNote', { ticketId, message: 'Controllare il PHP-FPM' }, { token: support.token })).ticket.status).toBe('OPEN');
    const answered = await mutate('replyToTicket', { ticketId, message: 'Abbiamo riavviato il servizio.' }, { token: support.token });
    expect(answered.ticket.status).toBe('ANSWERED');

    const [answer] = await emails('TICKET_ANSWERED');
    expect(answer.to).toBe(customer.user.email);
    expect(answer.text).toContain('Abbiamo riavviato il servizio.');
    expect(answer.text).not.toContain('PHP-FPM');

    const seen = await ticket(ticketId, { token: customer.token });
    expect(seen.messages.map((m: any) => [m.fromSupport, m.body])).toEqual([[false, 'Da stamattina errore 500.'], [true, 'Abbiamo riavviato il servizio.']]);
    expect(seen.messages[0].attachments).toEqual([expect.objectContaining({ id: attachmentId, url: `/api/tickets/attachments/${attachmentId}` })]);
    const bySupport = await ticket(ticketId, { token: support.token });
    expect(bySupport.messages.map((m: any) => m.internal)).toEqual([false, true, false]);
  });

  it('its attachment is downloaded by the customer and support as a download of the detected type; another customer gets 404', async () => {
    for (const caller of [customer, support]) {
      const response = await api.raw({ path: `/api/tickets/attachments/${attachmentId}`, headers: { authorization: `Bearer ${caller.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="screenshot.png"/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
    }
    const refused = await api.raw({ path: `/api/tickets/attachments/${attachmentId}`, headers: { authorization: `Bearer ${other.token}` } });
    expect(refused.status).toBe(404);
    expect((await api.raw({ path: `/api/tickets/attachments/${attachmentId}` })).status).toBe(401);
  });

  it('another customer cannot see it, list it or reply to it', async () => {
    expect(await ticket(ticketId, { token: other.token })).toBeNull();
    const { body } = await api.gql('{ tickets { totalCount } }', {}, { token: other.token });
    expect(body.data.tickets.totalCount).toBe(0);
    expect((await mutate('replyToTicket', { ticketId, message: 'ciao' }, { token: other.token })).userErrors).toEqual([{ field: 'ticketId', code: 'NOT_FOUND' }]);
  });

  it("the customer's reply waits for support again and is emailed to support; closing and reopening are audited", async () => {
    expect((await mutate('replyToTicket', { ticketId, message: 'Ora funziona, grazie' }, { token: customer.token })).ticket.status).toBe('CUSTOMER_REPLIED');
    expect((await emails('TICKET_TO_SUPPORT')).at(-1).text).toContain('Ora funziona, grazie');
    expect((await mutate('closeTicket', { ticketId }, { token: customer.token })).ticket.status).toBe('CLOSED');
    expect((await mutate('reopenTicket', { ticketId }, { token: customer.token })).ticket.status).toBe('OPEN');
    expect((await mutate('closeTicket', { ticketId }, { token: support.token })).ticket.status).toBe('CLOSED');
    const trail = await db.query(`SELECT before->>'status' AS "from", after->>'status' AS "to" FROM audit_events WHERE entity_id = $1 AND action = 'ticket.status' ORDER BY created_at, id`, [ticketId]);
    expect(trail).toEqual([
      { from: 'OPEN', to: 'ANSWERED' }, { from: 'ANSWERED', to: 'CUSTOMER_REPLIED' }, { from: 'CUSTOMER_REPLIED', to: 'CLOSED' }, { from: 'CLOSED', to: 'OPEN' }, { from: 'OPEN', to: 'CLOSED' },
    ]);
  });

  it('a reply within 14 days of closing reopens it; later the customer is told to open a new one', async () => {
    const [{ closed_at: closedAt }] = await db.query('SELECT closed_at FROM tickets WHERE id = $1', [ticketId]);
    try {
      process.env.PORTAL_TODAY = addDays(dateAt(closedAt), 15);
      const late = await mutate('replyToTicket', { ticketId, message: 'Di nuovo giù' }, { token: customer.token });
      expect(late.userErrors).toEqual([{ field: 'ticketId', code: 'TICKET_CLOSED' }]);
      process.env.PORTAL_TODAY = addDays(dateAt(closedAt), 14);
      expect((await mutate('replyToTicket', { ticketId, message: 'Di nuovo giù' }, { token: customer.token })).ticket.status).toBe('CUSTOMER_REPLIED');
    } finally {
      delete process.env.PORTAL_TODAY;
    }
  });

  it('its messages are never edited, not even by a statement of the database', async () => {
    await expect(db.query(`UPDATE ticket_messages SET body = 'changed' WHERE ticket_id = $1`, [ticketId])).rejects.toThrow(/never edited/);
  });
});
