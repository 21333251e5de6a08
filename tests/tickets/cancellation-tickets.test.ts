import type { DataSource } from 'typeorm';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newService, newSupport, type AccountLogin, type Login } from '../support/fixtures';

/** docs/product-rules.md, Support: confirmed cancellations are tickets in support's queue. */
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;
let support: Login;

const QUEUE = `{ tickets(filter: { department: TECHNICAL }) { edges { node { subject kind status service { domain } messages { author fromSupport channel body } } } } }`;

async function queue() {
  const { body } = await api.gql(QUEUE, {}, { token: support.token });
  expect(body.errors).toBeUndefined();
  return body.data.tickets.edges.map((e: any) => e.node);
}

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  customer = await newAccount(db);
  support = await newSupport(db);
});

afterAll(() => {
  delete process.env.PORTAL_TODAY;
});

describe('a confirmed cancellation', () => {
  let serviceId: string;

  it("becomes a ticket in support's queue as it is confirmed; the cancellations list keeps showing it", async () => {
    serviceId = (await newService(db, customer.account, { productCode: 'BUSINESS', domain: 'chiude.it', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' })).id;
    const quoted = await api.gql('mutation($id: ID!) { cancelService(input: { serviceId: $id, reason: OTHER, reasonText: "Chiudo l\'attività" }) { quote { id } } }', { id: serviceId }, { token: customer.token });
    await api.gql('mutation($id: ID!) { confirmQuote(input: { quoteId: $id }) { cancellation { id } } }', { id: quoted.body.data.cancelService.quote.id }, { token: customer.token });

    expect(await queue()).toEqual([{
      subject: 'Disdetta: BUSINESS chiude.it', kind: 'CANCELLATION', status: 'OPEN', service: { domain: 'chiude.it' },
      messages: [{ author: 'system', fromSupport: false, channel: 'SYSTEM', body: "Disdetta confermata, efficace dal 01/01/2027. Motivo: OTHER — Chiudo l'attività" }],
    }]);
    const { body } = await api.gql('{ cancellations { totalCount edges { node { service { domain } } } } }', {}, { token: support.token });
    expect(body.data.cancellations).toEqual({ totalCount: 1, edges: [{ node: { service: { domain: 'chiude.it' } } }] });
  });

  it('withdrawn, adds a message saying so to its ticket and closes it', async () => {
    const { body } = await api.gql('mutation($id: ID!) { withdrawCancellation(input: { serviceId: $id }) { cancellation { status } } }', { id: serviceId }, { token: customer.token });
    expect(body.data.withdrawCancellation.cancellation.status).toBe('WITHDRAWN');
    const [ticket] = await queue();
    expect(ticket.status).toBe('CLOSED');
    expect(ticket.messages.at(-1)).toEqual({ author: 'system', fromSupport: false, channel: 'SYSTEM', body: `Disdetta annullata da ${customer.user.email}: il servizio resta attivo.` });
  });
});
