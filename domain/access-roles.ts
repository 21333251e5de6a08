/** What a login may do for its account (users.account_role). */
export type AccountRole = 'OWNER' | 'BILLING' | 'TECHNICAL' | 'READ_ONLY';
/** users.account_role of a login: an account's role, or SUPPORT for a back-office login limited to support's work. */
export type LoginRole = AccountRole | 'SUPPORT';

/**
 * Which logins may use a root field: every one, or those of the roles listed. The full admin (a back-office
 * login without a role) may use every field; a list without account roles is a field of the back office's.
 */
export type RoleDecision = 'EVERY_ROLE' | readonly LoginRole[];

const EVERY_ROLE = 'EVERY_ROLE';
const OWNER: readonly AccountRole[] = ['OWNER'];
/** Orders, payments, invoices, billing data. */
const BILLING: readonly AccountRole[] = ['OWNER', 'BILLING'];
/** Services and the schedule: change, cancel, renew (without paying). */
const TECHNICAL: readonly AccountRole[] = ['OWNER', 'TECHNICAL'];
/** Reading what the technical role may not see. */
const BILLING_READERS: readonly AccountRole[] = ['OWNER', 'BILLING', 'READ_ONLY'];
const BACK_OFFICE: readonly LoginRole[] = [];
/** Support's work: the ticket queue, and reading what answering needs (accounts, services, orders). */
const SUPPORT: readonly LoginRole[] = ['SUPPORT'];
/** Tickets: every login of an account opens and answers its own (asking for help changes nothing), and support. */
const TICKETS: readonly LoginRole[] = ['OWNER', 'BILLING', 'TECHNICAL', 'READ_ONLY', 'SUPPORT'];

/**
 * The roles of an account's logins (docs/product-rules.md, Accounts and access), decided per root field in
 * this one table: the owner does everything and manages the other logins; billing orders, pays and sees
 * invoices and billing data; technical changes, cancels and renews services without paying, and sees no
 * invoices; read-only changes nothing but its tickets. Every login manages its own profile, sessions, second factor and
 * API tokens. Support (a back-office login of role SUPPORT) works the ticket queue and reads accounts, services
 * and orders, without the back office's money and admin actions; the full admin uses everything. Which accounts a field reaches, and the back office's own fields, are the guards' and the
 * operations' concern. A field missing here is refused to every account login. The API enforces it
 * (graphql/permissions.ts); the portal hides what a role may not do.
 */
export const ROLE_PERMISSIONS: Readonly<Record<string, RoleDecision>> = {
  // the login itself, and the public forms
  catalog: EVERY_ROLE, viewer: EVERY_ROLE, apiTokens: EVERY_ROLE, sessions: EVERY_ROLE, notifications: EVERY_ROLE,
  createApiToken: EVERY_ROLE, revokeApiToken: EVERY_ROLE, endSession: EVERY_ROLE, endOtherSessions: EVERY_ROLE,
  updateProfile: EVERY_ROLE, changePassword: EVERY_ROLE, requestEmailChange: EVERY_ROLE, confirmEmailChange: EVERY_ROLE,
  beginTwoFactorEnrolment: EVERY_ROLE, confirmTwoFactorEnrolment: EVERY_ROLE, disableTwoFactor: EVERY_ROLE,
  requestPasswordReset: EVERY_ROLE, resetPassword: EVERY_ROLE, acceptInvitation: EVERY_ROLE, exportMyData: EVERY_ROLE,
  // reading services, the schedule, orders and quotes, clients
  services: EVERY_ROLE, service: EVERY_ROLE, expirySchedule: EVERY_ROLE, orders: EVERY_ROLE, order: EVERY_ROLE, quote: EVERY_ROLE,
  clients: EVERY_ROLE, client: EVERY_ROLE,
  // invoices
  invoices: BILLING_READERS, invoiceYears: BILLING_READERS,
  // changing services
  requestServiceChange: TECHNICAL, cancelService: TECHNICAL, confirmQuote: TECHNICAL, withdrawCancellation: TECHNICAL,
  renewService: ['OWNER', 'BILLING', 'TECHNICAL'],
  // paying
  payOrder: BILLING, payWithTestCard: BILLING, updateBillingDetails: BILLING,
  // the account's logins
  users: OWNER, inviteUser: OWNER, updateUserRole: OWNER, removeUser: OWNER,
  // a reseller's clients
  createClient: OWNER,
  // support requests
  tickets: TICKETS, ticket: TICKETS, openTicket: TICKETS, replyToTicket: TICKETS, closeTicket: TICKETS, reopenTicket: TICKETS,
  addTicketNote: SUPPORT, assignTicket: SUPPORT,
  // webhooks: they carry every event of the account (and a reseller's clients'); the calendar feed: the schedule
  webhookEndpoints: OWNER, webhookDeliveries: OWNER, createWebhookEndpoint: OWNER, deleteWebhookEndpoint: OWNER, rotateWebhookSecret: OWNER, redeliverWebhook: OWNER,
  calendarFeedUrl: EVERY_ROLE, regenerateCalendarFeed: EVERY_ROLE,
  // the back office
  accounts: SUPPORT, cancellations: SUPPORT, auditTrail: BACK_OFFICE, lifecycleRuns: BACK_OFFICE, eInvoices: BACK_OFFICE,
  createAccount: BACK_OFFICE, createProduct: BACK_OFFICE, updateProduct: BACK_OFFICE, importSdiNotification: BACK_OFFICE, issueCreditNote: BACK_OFFICE,
  provisionService: BACK_OFFICE, recordOfflinePayment: BACK_OFFICE, resendEInvoice: BACK_OFFICE, runLifecycle: BACK_OFFICE, eraseUserData: BACK_OFFICE,
};

/** A field of the back office's: no account login may use it (its resolver's guard refuses them, as it always has). */
export function isBackOfficeField(field: string): boolean {
  const decision = ROLE_PERMISSIONS[field];
  return Array.isArray(decision) && decision.every((role) => role === 'SUPPORT');
}

export function roleMayUse(role: LoginRole, field: string): boolean {
  const decision = ROLE_PERMISSIONS[field];
  return decision === EVERY_ROLE || (decision ?? BACK_OFFICE).includes(role);
}

