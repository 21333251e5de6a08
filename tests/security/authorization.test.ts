import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { invoiceNumber } from '@/domain/documents';
import { appSchema } from '@/graphql/schema';
import { createApiToken } from '@/operations/access/api-tokens';
import { startSession } from '@/operations/access/sessions';
import { renewService } from '@/operations/billing/renew-service';
import { importSdiNotification } from '@/operations/einvoices/import-sdi-notification';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { cancelService } from '@/operations/quotes/cancel-service';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { requestServiceChange } from '@/operations/quotes/request-service-change';
import { createWebhookEndpoint } from '@/operations/webhooks/endpoints';
import type { PaymentMethod } from '@/entities/order';
import type { AccountRole } from '@/entities/user';
import { ROLE_PERMISSIONS, roleMayUse } from '@/domain/access-roles';
import { API_AREAS, isPayloadType, NO_SCOPE, ROOT_FIELD_SCOPES, TYPE_AREAS } from '@/domain/api-scopes';
import { isObjectType } from 'graphql';
import { openTicket } from '@/operations/tickets/open-ticket';
import { closeTicket } from '@/operations/tickets/ticket-actions';
import { useGraphQLServer, type Caller } from '../support/api';
import { useTestDatabase } from '../support/database';
import { sdiNotification } from '../einvoice/support';
import { newAccount, newAccountLogin, newAdmin, newService, newSupport, type AccountLogin, type Login } from '../support/fixtures';

/**
 * Every query and mutation of the schema, run as each kind of caller against objects of a reseller's
 * client. A field added to the schema fails the first test until it has a case here.
 */
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;

/** The client's further logins, one per role other than its owner's ('client'). */
const CLIENT_ROLE_LOGINS = { clientBilling: 'BILLING', clientTechnical: 'TECHNICAL', clientReadOnly: 'READ_ONLY' } as const satisfies Record<string, AccountRole>;
type RoleLogin = keyof typeof CLIENT_ROLE_LOGINS;
type Role = 'anonymous' | 'customerA' | 'customerB' | 'reseller' | 'client' | 'otherReseller' | 'admin' | 'support' | RoleLogin;
/**
 * `support` is a back-office login of role SUPPORT: refused (FORBIDDEN) the fields its role may not use
 * (domain/access-roles.ts), and answered as the admin on the others.
 */
const ROLES: Role[] = ['anonymous', 'customerA', 'customerB', 'reseller', 'client', 'otherReseller', 'admin', 'support', 'clientBilling', 'clientTechnical', 'clientReadOnly'];
const EVERYONE = ROLES;
const SIGNED_IN = ROLES.filter((role) => role !== 'anonymous');
/** Every owner of an account (the back office has no account). */
const ACCOUNT_OWNERS: Role[] = ['customerA', 'customerB', 'reseller', 'client', 'otherReseller'];
/** Who may reach the client's objects: the client, its reseller, the back office. */
const CLIENT_REACH: Role[] = ['client', 'reseller', 'admin'];
const BACK_OFFICE: Role[] = ['admin'];

type Variables = Record<string, unknown>;
interface Case {
  query: string;
  /** Who may, among the callers other than the client's further logins. */
  allowed: Role[];
  /**
   * Which roles of an account's logins may (docs/product-rules.md, Accounts and access): a further login of the
   * client may where the client's owner may and its role is listed; a role not listed is refused with FORBIDDEN.
   */
  roles: readonly AccountRole[];
  /** The object is the client owner's own login's (a token, a session): its other logins are answered as `missing`. */
  ownLogin?: boolean;
  /** How a signed-in caller outside `allowed` is refused: a FORBIDDEN error, or exactly as `missing` is answered. */
  refusedAs: 'FORBIDDEN' | 'MISSING';
  /** The client's object (made afresh for each caller when the call changes it). */
  variables?: () => Promise<Variables> | Variables;
  /** The same call naming an object that does not exist. */
  missing?: Variables;
  /** An allowed call may still answer userErrors (a public form given a made-up secret). */
  userErrorsExpected?: boolean;
}

const MISSING_ID = '0b7e6f1a-3c2d-4e5f-8a9b-0c1d2e3f4a5b';
const USER_ERRORS = 'userErrors { field code message }';
const unique = () => randomBytes(4).toString('hex');

let logins: Record<Exclude<Role, 'anonymous'>, AccountLogin | Login>;
let client: AccountLogin;
let admin: Login;
const world = { serviceId: '', orderCode: '', quoteId: '', ticketId: '' };

const clientService = async () => (await newService(db, client.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' })).id;
const clientOrder = async (method: PaymentMethod) => renewService(db, client.actor, await clientService(), method);
const clientQuote = async () => (await requestServiceChange(db, client.actor, { serviceId: await clientService(), targetProductCode: 'BUSINESS' })).id;
/** The e-invoice file of a new paid invoice of the client, and the invoice's number. */
async function clientEInvoice(): Promise<{ fileName: string; invoiceNumber: string }> {
  const { order } = await clientOrder('BANK_TRANSFER');
  const { invoice } = await recordOfflinePayment(db, admin.actor, { orderCode: order.code, amountCents: order.totalCents, reference: `CRO ${order.code}` });
  const [{ file_name: fileName }] = await db.query(`SELECT file_name FROM e_invoices WHERE invoice_id = $1`, [invoice!.id]);
  return { fileName, invoiceNumber: invoiceNumber(invoice!.year, invoice!.number) };
}
const clientTicket = async () => (await openTicket(db, client.actor, { subject: 'Aiuto', department: 'TECHNICAL', message: 'Il sito non risponde' })).id;
async function clientClosedTicket(): Promise<string> {
  const ticketId = await clientTicket();
  await closeTicket(db, client.actor, ticketId);
  return ticketId;
}
/** A webhook endpoint of the client's, on a public address. */
const clientEndpoint = async () => (await createWebhookEndpoint(db, client.actor, 'https://93.184.216.34/hook', ['order.created'])).endpoint.id;
/** A delivery to a new endpoint of the client's, queued by a new order. */
async function clientDelivery(): Promise<string> {
  const endpointId = await clientEndpoint();
  await clientOrder('BANK_TRANSFER');
  const [{ id }] = await db.query(`SELECT id FROM webhook_deliveries WHERE endpoint_id = $1`, [endpointId]);
  return id;
}
async function clientCancelledService(): Promise<string> {
  const serviceId = await clientService();
  await confirmQuote(db, client.actor, { quoteId: (await cancelService(db, client.actor, { serviceId, reason: 'NO_LONGER_NEEDED' })).id });
  return serviceId;
}

const ALL_ROLES: readonly AccountRole[] = ['OWNER', 'BILLING', 'TECHNICAL', 'READ_ONLY'];
const BILLING_READERS: readonly AccountRole[] = ['OWNER', 'BILLING', 'READ_ONLY'];
const TECHNICAL_ROLES: readonly AccountRole[] = ['OWNER', 'TECHNICAL'];
const PAYING_ROLES: readonly AccountRole[] = ['OWNER', 'BILLING'];
const OWNER_ROLE: readonly AccountRole[] = ['OWNER'];
const NO_ROLE: readonly AccountRole[] = [];

const CASES: Record<string, Case> = {
  // queries
  catalog: { query: '{ catalog { products { code priceCents } } }', allowed: EVERYONE, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  viewer: { query: '{ viewer { user { id } } }', allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  apiTokens: { query: '{ apiTokens { id } }', allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  sessions: { query: '{ sessions { id current } }', allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  client: {
    query: 'query($id: ID!) { client(id: $id) { id name } }', allowed: ['reseller', 'admin'], roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: () => ({ id: client.account.id }), missing: { id: MISSING_ID },
  },
  clients: { query: '{ clients { edges { node { id services { id } domains { name } } } } }', allowed: ['reseller', 'otherReseller', 'admin'], roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  services: {
    query: 'query($id: ID) { services(filter: { clientId: $id }) { totalCount edges { node { id } } } }', allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: () => ({ id: client.account.id }), missing: { id: MISSING_ID },
  },
  expirySchedule: {
    query: 'query($id: ID) { expirySchedule(clientId: $id) { totalCount edges { node { id daysLeft } } } }', allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: () => ({ id: client.account.id }), missing: { id: MISSING_ID },
  },
  service: {
    query: 'query($id: ID!) { service(id: $id) { id domain } }', allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: () => ({ id: world.serviceId }), missing: { id: MISSING_ID },
  },
  orders: {
    query: 'query($id: ID) { orders(filter: { clientId: $id }) { totalCount edges { node { code } } } }', allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: () => ({ id: client.account.id }), missing: { id: MISSING_ID },
  },
  order: {
    query: 'query($code: String!) { order(code: $code) { code totalCents } }', allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: () => ({ code: world.orderCode }), missing: { code: 'HCS-2026-999999' },
  },
  invoices: {
    query: 'query($id: ID) { invoices(clientId: $id) { totalCount edges { node { number pdfUrl } } } }', allowed: CLIENT_REACH, roles: BILLING_READERS, refusedAs: 'MISSING',
    variables: () => ({ id: client.account.id }), missing: { id: MISSING_ID },
  },
  invoiceYears: {
    query: 'query($id: ID) { invoiceYears(clientId: $id) }', allowed: CLIENT_REACH, roles: BILLING_READERS, refusedAs: 'MISSING',
    variables: () => ({ id: client.account.id }), missing: { id: MISSING_ID },
  },
  notifications: {
    query: 'query($id: ID) { notifications(accountId: $id) { totalCount edges { node { subject } } } }', allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: () => ({ id: client.account.id }), missing: { id: MISSING_ID },
  },
  // a quote belongs to the account that asked for it, not to its reseller
  quote: {
    query: 'query($id: ID!) { quote(id: $id) { id totalCents } }', allowed: ['client', 'admin'], roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: () => ({ id: world.quoteId }), missing: { id: MISSING_ID },
  },
  // support requests: the client's, its reseller's, the back office's (support included)
  tickets: {
    query: 'query($id: ID) { tickets(filter: { accountId: $id }) { totalCount edges { node { id } } } }', allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: () => ({ id: client.account.id }), missing: { id: MISSING_ID },
  },
  ticket: {
    query: 'query($id: ID!) { ticket(id: $id) { id messages { body } } }', allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: () => ({ id: world.ticketId }), missing: { id: MISSING_ID },
  },
  accounts: { query: '{ accounts { totalCount } }', allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN' },
  auditTrail: { query: '{ auditTrail { totalCount } }', allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN' },
  cancellations: { query: '{ cancellations { totalCount } }', allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN' },
  lifecycleRuns: { query: '{ lifecycleRuns { totalCount } }', allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN' },
  eInvoices: { query: '{ eInvoices(status: TO_SEND) { totalCount edges { node { fileName invoice { number } } } } }', allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN' },

  // mutations
  createApiToken: { query: `mutation { createApiToken(input: { name: "matrix" }) { apiToken { id } ${USER_ERRORS} } }`, allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  // a token is its user's own: not even the back office revokes another's
  revokeApiToken: {
    query: `mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { revokedAt } ${USER_ERRORS} } }`, allowed: ['client'], roles: ALL_ROLES, refusedAs: 'MISSING', ownLogin: true,
    variables: async () => ({ id: (await createApiToken(db, client.actor, { name: 'to revoke' })).record.id }), missing: { id: MISSING_ID },
  },
  // a session is its login's own, like a token
  endSession: {
    query: `mutation($id: ID!) { endSession(input: { id: $id }) { endedSessionId ${USER_ERRORS} } }`, allowed: ['client'], roles: ALL_ROLES, refusedAs: 'MISSING', ownLogin: true,
    variables: async () => ({ id: (await startSession(db, client.user.id, { userAgent: null, address: '192.0.2.1' })).id }), missing: { id: MISSING_ID },
  },
  updateProfile: { query: `mutation { updateProfile(input: { name: "Matrice", locale: null }) { user { name } ${USER_ERRORS} } }`, allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  // each signed-in caller gives its own wrong password: refused with a user error, never another's
  changePassword: {
    query: `mutation { changePassword(input: { currentPassword: "not it", newPassword: "una password lunga" }) { ok ${USER_ERRORS} } }`, allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN', userErrorsExpected: true,
  },
  requestEmailChange: {
    query: `mutation { requestEmailChange(input: { newEmail: "nuovo@example.test", currentPassword: "not it" }) { ok ${USER_ERRORS} } }`, allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN', userErrorsExpected: true,
  },
  confirmEmailChange: { query: `mutation { confirmEmailChange(input: { token: "made-up" }) { ok ${USER_ERRORS} } }`, allowed: EVERYONE, roles: ALL_ROLES, refusedAs: 'FORBIDDEN', userErrorsExpected: true },
  beginTwoFactorEnrolment: { query: `mutation { beginTwoFactorEnrolment { qrCode ${USER_ERRORS} } }`, allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  // a made-up code: refused with a user error, never another login's enrolment
  confirmTwoFactorEnrolment: {
    query: `mutation { confirmTwoFactorEnrolment(input: { code: "000000" }) { recoveryCodes ${USER_ERRORS} } }`, allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN', userErrorsExpected: true,
  },
  disableTwoFactor: {
    query: `mutation { disableTwoFactor(input: { currentPassword: "not it", code: "000000" }) { ok ${USER_ERRORS} } }`, allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN', userErrorsExpected: true,
  },
  endOtherSessions: { query: `mutation { endOtherSessions { endedCount ${USER_ERRORS} } }`, allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  requestServiceChange: {
    query: `mutation($id: ID!) { requestServiceChange(input: { serviceId: $id, targetProductCode: "BUSINESS" }) { quote { totalCents } ${USER_ERRORS} } }`, allowed: CLIENT_REACH, roles: TECHNICAL_ROLES, refusedAs: 'MISSING',
    variables: async () => ({ id: await clientService() }), missing: { id: MISSING_ID },
  },
  cancelService: {
    query: `mutation($id: ID!) { cancelService(input: { serviceId: $id, reason: TOO_EXPENSIVE }) { quote { effectiveOn } ${USER_ERRORS} } }`, allowed: CLIENT_REACH, roles: TECHNICAL_ROLES, refusedAs: 'MISSING',
    variables: async () => ({ id: await clientService() }), missing: { id: MISSING_ID },
  },
  confirmQuote: {
    query: `mutation($id: ID!) { confirmQuote(input: { quoteId: $id, paymentMethod: BANK_TRANSFER }) { order { status } ${USER_ERRORS} } }`, allowed: ['client', 'admin'], roles: TECHNICAL_ROLES, refusedAs: 'MISSING',
    variables: async () => ({ id: await clientQuote() }), missing: { id: MISSING_ID },
  },
  withdrawCancellation: {
    query: `mutation($id: ID!) { withdrawCancellation(input: { serviceId: $id }) { cancellation { status } ${USER_ERRORS} } }`, allowed: CLIENT_REACH, roles: TECHNICAL_ROLES, refusedAs: 'MISSING',
    variables: async () => ({ id: await clientCancelledService() }), missing: { id: MISSING_ID },
  },
  renewService: {
    query: `mutation($id: ID!) { renewService(input: { serviceId: $id, paymentMethod: BANK_TRANSFER }) { order { kind totalCents } ${USER_ERRORS} } }`, allowed: CLIENT_REACH, roles: ['OWNER', 'BILLING', 'TECHNICAL'], refusedAs: 'MISSING',
    variables: async () => ({ id: await clientService() }), missing: { id: MISSING_ID },
  },
  payOrder: {
    query: `mutation($code: String!) { payOrder(input: { code: $code, paymentMethod: POSTAL_SLIP }) { order { paymentMethod } ${USER_ERRORS} } }`, allowed: CLIENT_REACH, roles: PAYING_ROLES, refusedAs: 'MISSING',
    variables: async () => ({ code: (await clientOrder('BANK_TRANSFER')).order.code }), missing: { code: 'HCS-2026-999999' },
  },
  payWithTestCard: {
    query: `mutation($secret: String!) { payWithTestCard(input: { clientSecret: $secret, cardNumber: "4242424242424242" }) { order { status } ${USER_ERRORS} } }`, allowed: CLIENT_REACH, roles: PAYING_ROLES, refusedAs: 'MISSING',
    variables: async () => ({ secret: (await clientOrder('CARD')).cardPayment!.clientSecret }), missing: { secret: 'pi_test_0000_secret_0000' },
  },
  recordOfflinePayment: {
    query: `mutation($code: String!, $cents: Int!) { recordOfflinePayment(input: { orderCode: $code, amountCents: $cents, reference: "CRO 123" }) { order { status } ${USER_ERRORS} } }`,
    allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN',
    variables: async () => {
      const { order } = await clientOrder('BANK_TRANSFER');
      return { code: order.code, cents: order.totalCents };
    },
  },
  issueCreditNote: {
    query: `mutation($number: String!) { issueCreditNote(input: { invoiceNumber: $number, amountCents: 100, reason: "Sconto" }) { creditNote { number } ${USER_ERRORS} } }`,
    allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN',
    variables: async () => {
      const { order } = await clientOrder('BANK_TRANSFER');
      const { invoice } = await recordOfflinePayment(db, admin.actor, { orderCode: order.code, amountCents: order.totalCents, reference: `CRO ${order.code}` });
      return { number: invoiceNumber(invoice!.year, invoice!.number) };
    },
  },
  updateBillingDetails: {
    query: `mutation($id: ID) { updateBillingDetails(input: { accountId: $id, billing: { kind: PERSON, firstName: "Anna", lastName: "Neri", country: "IT", address: "Via Roma 2", postalCode: "00184", city: "Roma", province: "RM", fiscalCode: "RSSMRA80A01H501U" } }) { account { id billing { lastName } } ${USER_ERRORS} } }`,
    allowed: CLIENT_REACH, roles: PAYING_ROLES, refusedAs: 'MISSING', variables: () => ({ id: client.account.id }), missing: { id: MISSING_ID },
  },
  createAccount: {
    query: `mutation($email: String!) { createAccount(input: { name: "Nuovo", email: $email, password: "una password lunga", kind: CUSTOMER }) { account { id } ${USER_ERRORS} } }`,
    allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN', variables: () => ({ email: `new-${unique()}@example.test` }),
  },
  provisionService: {
    query: `mutation($id: ID!) { provisionService(input: { accountId: $id, productCode: "HVPARK", domain: "provisioned.it" }) { service { id } ${USER_ERRORS} } }`,
    allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN', variables: () => ({ id: client.account.id }),
  },
  createProduct: {
    query: `mutation($code: String!) { createProduct(input: { code: $code, categoryCode: "VPS", name: "VPS", priceCents: 100 }) { product { id } ${USER_ERRORS} } }`,
    allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN', variables: () => ({ code: `VPS-${unique()}`.toUpperCase() }),
  },
  updateProduct: { query: `mutation { updateProduct(input: { code: "DED-S", name: "Dedicato S" }) { product { id } ${USER_ERRORS} } }`, allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN' },
  runLifecycle: { query: `mutation { runLifecycle(input: {}) { run { date } ${USER_ERRORS} } }`, allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN' },
  importSdiNotification: {
    query: `mutation($fileName: String!, $xml: String!) { importSdiNotification(input: { fileName: $fileName, xml: $xml }) { eInvoice { status } ${USER_ERRORS} } }`,
    allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN', variables: async () => sdiNotification('RC', (await clientEInvoice()).fileName),
  },
  resendEInvoice: {
    query: `mutation($number: String!) { resendEInvoice(input: { invoiceNumber: $number }) { eInvoice { status } ${USER_ERRORS} } }`,
    allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN',
    variables: async () => {
      const { fileName, invoiceNumber: number } = await clientEInvoice();
      await importSdiNotification(db, admin.actor, sdiNotification('NS', fileName));
      return { number };
    },
  },
  openTicket: {
    query: `mutation($id: ID) { openTicket(input: { accountId: $id, subject: "Aiuto", department: BILLING, message: "Fattura errata" }) { ticket { status } ${USER_ERRORS} } }`,
    allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING', variables: () => ({ id: client.account.id }), missing: { id: MISSING_ID },
  },
  replyToTicket: {
    query: `mutation($id: ID!) { replyToTicket(input: { ticketId: $id, message: "Ancora nulla" }) { ticket { id } ${USER_ERRORS} } }`, allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: async () => ({ id: await clientTicket() }), missing: { id: MISSING_ID },
  },
  closeTicket: {
    query: `mutation($id: ID!) { closeTicket(input: { ticketId: $id }) { ticket { status } ${USER_ERRORS} } }`, allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: async () => ({ id: await clientTicket() }), missing: { id: MISSING_ID },
  },
  reopenTicket: {
    query: `mutation($id: ID!) { reopenTicket(input: { ticketId: $id }) { ticket { status } ${USER_ERRORS} } }`, allowed: CLIENT_REACH, roles: ALL_ROLES, refusedAs: 'MISSING',
    variables: async () => ({ id: await clientClosedTicket() }), missing: { id: MISSING_ID },
  },
  addTicketNote: {
    query: `mutation($id: ID!) { addTicketNote(input: { ticketId: $id, message: "Nota interna" }) { message { internal } ${USER_ERRORS} } }`, allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN',
    variables: async () => ({ id: await clientTicket() }),
  },
  assignTicket: {
    query: `mutation($id: ID!) { assignTicket(input: { ticketId: $id }) { ticket { assignedToMe } ${USER_ERRORS} } }`, allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN',
    variables: async () => ({ id: await clientTicket() }),
  },
  // the account's logins: its owners manage them
  users: { query: '{ users { id email accountRole } }', allowed: ACCOUNT_OWNERS, roles: OWNER_ROLE, refusedAs: 'FORBIDDEN' },
  inviteUser: {
    query: `mutation($email: String!) { inviteUser(input: { email: $email, role: TECHNICAL }) { invitation { role } ${USER_ERRORS} } }`, allowed: ACCOUNT_OWNERS, roles: OWNER_ROLE, refusedAs: 'FORBIDDEN',
    variables: () => ({ email: `invited-${unique()}@example.test` }),
  },
  updateUserRole: {
    query: `mutation($id: ID!) { updateUserRole(input: { userId: $id, role: BILLING }) { user { accountRole } ${USER_ERRORS} } }`, allowed: ['client'], roles: OWNER_ROLE, refusedAs: 'MISSING',
    variables: async () => ({ id: (await newAccountLogin(db, client.account, 'TECHNICAL')).user.id }), missing: { id: MISSING_ID },
  },
  removeUser: {
    query: `mutation($id: ID!) { removeUser(input: { userId: $id }) { removedUserId ${USER_ERRORS} } }`, allowed: ['client'], roles: OWNER_ROLE, refusedAs: 'MISSING',
    variables: async () => ({ id: (await newAccountLogin(db, client.account, 'READ_ONLY')).user.id }), missing: { id: MISSING_ID },
  },
  // a reseller's clients: the reseller's owners create them
  createClient: {
    query: `mutation($email: String!) { createClient(input: { name: "Cliente Nuovo", email: $email, billing: { kind: PERSON, firstName: "Anna", lastName: "Neri", country: "IT", address: "Via Roma 2", postalCode: "00184", city: "Roma", province: "RM", fiscalCode: "RSSMRA80A01H501U" } }) { client { id } ${USER_ERRORS} } }`,
    allowed: ['reseller', 'otherReseller'], roles: OWNER_ROLE, refusedAs: 'FORBIDDEN', variables: () => ({ email: `client-${unique()}@example.test` }),
  },
  acceptInvitation: {
    query: `mutation { acceptInvitation(input: { token: "made-up", password: "una password lunga" }) { ok ${USER_ERRORS} } }`, allowed: EVERYONE, roles: ALL_ROLES, refusedAs: 'FORBIDDEN', userErrorsExpected: true,
  },
  // personal data: each login its own; the back office erases a person's
  exportMyData: { query: '{ exportMyData }', allowed: SIGNED_IN, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  eraseUserData: {
    query: `mutation($id: ID!) { eraseUserData(input: { userId: $id }) { erasedUserId ${USER_ERRORS} } }`, allowed: BACK_OFFICE, roles: NO_ROLE, refusedAs: 'FORBIDDEN',
    variables: async () => ({ id: (await newAccountLogin(db, client.account, 'READ_ONLY')).user.id }),
  },
  // webhooks: the account owner's, for its own account (the back office reaches every one, but has no account to add one to)
  webhookEndpoints: { query: '{ webhookEndpoints { id url events } }', allowed: [...ACCOUNT_OWNERS, 'admin'], roles: OWNER_ROLE, refusedAs: 'FORBIDDEN' },
  webhookDeliveries: {
    query: 'query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount edges { node { id attemptLog { statusCode } } } } }', allowed: ['client', 'admin'], roles: OWNER_ROLE, refusedAs: 'MISSING',
    variables: async () => ({ id: await clientEndpoint() }), missing: { id: MISSING_ID },
  },
  createWebhookEndpoint: {
    query: `mutation { createWebhookEndpoint(input: { url: "https://93.184.216.34/hook", events: ["order.paid"] }) { webhookEndpoint { id } secret ${USER_ERRORS} } }`,
    allowed: ACCOUNT_OWNERS, roles: OWNER_ROLE, refusedAs: 'FORBIDDEN',
  },
  deleteWebhookEndpoint: {
    query: `mutation($id: ID!) { deleteWebhookEndpoint(input: { id: $id }) { webhookEndpoint { id } ${USER_ERRORS} } }`, allowed: ['client', 'admin'], roles: OWNER_ROLE, refusedAs: 'MISSING',
    variables: async () => ({ id: await clientEndpoint() }), missing: { id: MISSING_ID },
  },
  rotateWebhookSecret: {
    query: `mutation($id: ID!) { rotateWebhookSecret(input: { id: $id }) { webhookEndpoint { id } secret ${USER_ERRORS} } }`, allowed: ['client', 'admin'], roles: OWNER_ROLE, refusedAs: 'MISSING',
    variables: async () => ({ id: await clientEndpoint() }), missing: { id: MISSING_ID },
  },
  redeliverWebhook: {
    query: `mutation($id: ID!) { redeliverWebhook(input: { deliveryId: $id }) { delivery { id status } ${USER_ERRORS} } }`, allowed: ['client', 'admin'], roles: OWNER_ROLE, refusedAs: 'MISSING',
    variables: async () => ({ id: await clientDelivery() }), missing: { id: MISSING_ID },
  },
  // the calendar feed: every login of an account, for its account
  calendarFeedUrl: { query: '{ calendarFeedUrl }', allowed: ACCOUNT_OWNERS, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  regenerateCalendarFeed: { query: `mutation { regenerateCalendarFeed { url ${USER_ERRORS} } }`, allowed: ACCOUNT_OWNERS, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  // the forms of someone who cannot sign in
  requestPasswordReset: { query: `mutation { requestPasswordReset(input: { email: "nobody@example.test" }) { ok ${USER_ERRORS} } }`, allowed: EVERYONE, roles: ALL_ROLES, refusedAs: 'FORBIDDEN' },
  resetPassword: {
    query: `mutation { resetPassword(input: { token: "made-up", password: "una password lunga" }) { ok ${USER_ERRORS} } }`, allowed: EVERYONE, roles: ALL_ROLES, refusedAs: 'FORBIDDEN', userErrorsExpected: true,
  },
};

const schema = appSchema();
const FIELDS = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
const MUTATIONS = Object.keys(schema.getMutationType()!.getFields());
/** The object types a token's scopes are checked against: all but introspection's and the mutations' payloads. */
const OBJECT_TYPES = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && !type.name.startsWith('__') && !isPayloadType(type.name)).map((type) => type.name);

function callerOf(role: Role): Caller {
  return role === 'anonymous' ? {} : { token: logins[role].token };
}

function codeOf(body: { errors?: { extensions?: { code?: string } }[] }): string | undefined {
  return body.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  const reseller = await newAccount(db, { kind: 'RESELLER' });
  const otherReseller = await newAccount(db, { kind: 'RESELLER' });
  await newAccount(db, { resellerId: otherReseller.account.id });
  client = await newAccount(db, { resellerId: reseller.account.id });
  admin = await newAdmin(db);
  logins = {
    customerA: await newAccount(db), customerB: await newAccount(db), reseller, client, otherReseller, admin, support: await newSupport(db),
    clientBilling: await newAccountLogin(db, client.account, 'BILLING'),
    clientTechnical: await newAccountLogin(db, client.account, 'TECHNICAL'),
    clientReadOnly: await newAccountLogin(db, client.account, 'READ_ONLY'),
  };
  world.serviceId = await clientService();
  world.orderCode = (await renewService(db, client.actor, world.serviceId, 'BANK_TRANSFER')).order.code;
  world.quoteId = await clientQuote();
  world.ticketId = await clientTicket();
  const { order } = await clientOrder('BANK_TRANSFER');
  await recordOfflinePayment(db, admin.actor, { orderCode: order.code, amountCents: order.totalCents, reference: 'CRO 1' });
  await clientCancelledService();
});

describe('authorization of every field, for every kind of caller', () => {
  it('has a case for every query and mutation in the schema, and the API a decision by role for each', () => {
    expect(FIELDS.filter((field) => !CASES[field])).toEqual([]);
    expect(Object.keys(CASES).filter((field) => !FIELDS.includes(field))).toEqual([]);
    expect(FIELDS.filter((field) => !ROLE_PERMISSIONS[field])).toEqual([]);
    expect(Object.keys(ROLE_PERMISSIONS).filter((field) => !FIELDS.includes(field))).toEqual([]);
  });

  describe.each(FIELDS)('%s', (field) => {
    it.each(ROLES)('as %s', async (role) => {
      const entry = CASES[field];
      if (!entry) throw new Error(`no authorization case for ${field}`);
      const caller = callerOf(role);
      // Answers are compared whole, less the id each request is given for its log lines and the budget left.
      const answer = async (variables: Record<string, unknown>) => JSON.parse(JSON.stringify((await api.gql(entry.query, variables, caller)).body, (key, value) => (key === 'requestId' || key === 'cost' ? undefined : value)));
      const body = await answer((await entry.variables?.()) ?? {});
      const missing = entry.refusedAs === 'MISSING' && role !== 'anonymous' ? await answer(entry.missing!) : null;

      if (role === 'support' && !roleMayUse('SUPPORT', field)) {
        expect(codeOf(body)).toBe('FORBIDDEN');
        return;
      }
      const as: Role = role === 'support' ? 'admin' : role;
      if (role in CLIENT_ROLE_LOGINS) {
        // The client's further logins: FORBIDDEN where their role may not; elsewhere as the client's owner.
        if (!entry.roles.includes(CLIENT_ROLE_LOGINS[role as RoleLogin])) {
          expect(codeOf(body)).toBe('FORBIDDEN');
        } else if (entry.allowed.includes('client') && !entry.ownLogin) {
          expect(body.errors).toBeUndefined();
          if (!entry.userErrorsExpected && body.data[field].userErrors) expect(body.data[field].userErrors).toEqual([]);
        } else if (entry.refusedAs === 'MISSING') {
          expect(body).toEqual(missing);
        } else {
          expect(codeOf(body)).toBe('FORBIDDEN');
        }
        return;
      }
      if (entry.allowed.includes(as)) {
        expect(body.errors).toBeUndefined();
        expect(body.data[field]).not.toBeNull();
        if (!entry.userErrorsExpected && body.data[field].userErrors) expect(body.data[field].userErrors).toEqual([]);
        if (missing) expect(body).not.toEqual(missing);
      } else if (role === 'anonymous') {
        expect(codeOf(body)).toBe('UNAUTHENTICATED');
      } else if (entry.refusedAs === 'FORBIDDEN') {
        expect(codeOf(body)).toBe('FORBIDDEN');
      } else {
        expect(body).toEqual(missing);
      }
    });
  });
});

describe('the scopes of API tokens (docs/product-rules.md, Integrations for resellers)', () => {
  it('declare the scope of every root field and the area of every object type, and nothing the schema lacks', () => {
    expect(FIELDS.filter((field) => !ROOT_FIELD_SCOPES[field])).toEqual([]);
    expect(Object.keys(ROOT_FIELD_SCOPES).filter((field) => !FIELDS.includes(field))).toEqual([]);
    expect(OBJECT_TYPES.filter((type) => !(type in TYPE_AREAS))).toEqual([]);
    expect(Object.keys(TYPE_AREAS).filter((type) => !OBJECT_TYPES.includes(type))).toEqual([]);
  });

  // Every mutation needing a scope, run with a token of the same login holding every read scope and nothing else.
  const SCOPED_MUTATIONS = MUTATIONS.filter((field) => ROOT_FIELD_SCOPES[field] !== NO_SCOPE);
  let readOnly: Record<'client' | 'admin', string>;
  beforeAll(async () => {
    const scopes = API_AREAS.map((area) => `${area}:read`);
    readOnly = {
      client: (await createApiToken(db, client.actor, { name: 'read only', scopes })).token,
      admin: (await createApiToken(db, admin.actor, { name: 'read only', scopes })).token,
    };
  });

  it('are needed by most mutations', () => {
    expect(SCOPED_MUTATIONS.length).toBeGreaterThan(20);
  });

  it.each(SCOPED_MUTATIONS)('refuse %s to a read-only token, naming the scope, before anything runs', async (field) => {
    const entry = CASES[field];
    const caller = entry.allowed.includes('client') ? 'client' : 'admin';
    const variables = (await entry.variables?.()) ?? {};
    const auditEvents = await db.query('SELECT count(*)::int AS n FROM audit_events');
    const { status, body } = await api.gql(entry.query, variables, { token: readOnly[caller] });
    expect(status).toBe(403);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: ROOT_FIELD_SCOPES[field] });
    expect(body.errors![0].message).toContain(ROOT_FIELD_SCOPES[field]);
    expect(await db.query('SELECT count(*)::int AS n FROM audit_events')).toEqual(auditEvents);
  });
});

describe('identifiers', () => {
  it('are random UUIDs, not sequential numbers, and a guessed number is simply not found', async () => {
    const ids = [await clientService(), await clientService(), await clientService(), client.account.id, client.user.id, admin.user.id];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids.map((id) => id.slice(0, 8))).size).toBe(ids.length);
    const query = 'query($id: ID!) { service(id: $id) { id } }';
    for (const id of ['1', '42', MISSING_ID]) {
      const { body } = await api.gql(query, { id }, { token: admin.token });
      expect([body.data, body.errors]).toEqual([{ service: null }, undefined]);
    }
  });
});
