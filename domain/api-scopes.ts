/** What an API token may reach (docs/product-rules.md, Integrations for resellers). */
export const API_AREAS = ['services', 'orders', 'invoices', 'clients', 'webhooks', 'support'] as const;
export type ApiArea = (typeof API_AREAS)[number];

export const API_SCOPES = API_AREAS.flatMap((area) => [`${area}:read`, `${area}:write`] as const);
export type ApiScope = `${ApiArea}:read` | `${ApiArea}:write`;

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** A field no scope guards: the login itself (profile, sessions, own tokens), the public forms, the catalog. */
export const NO_SCOPE = 'NO_SCOPE';
export type ScopeDecision = ApiScope | typeof NO_SCOPE;

/**
 * The scope every root field needs, in this one table; the API enforces it before anything runs
 * (graphql/scopes.ts). Writing an area includes reading it. The back office's fields are declared like
 * the others: an admin's token is scoped the same way. A field missing here fails the authorization test.
 */
export const ROOT_FIELD_SCOPES: Readonly<Record<string, ScopeDecision>> = {
  // the login itself, and the public forms
  catalog: NO_SCOPE, viewer: NO_SCOPE, apiTokens: NO_SCOPE, sessions: NO_SCOPE, exportMyData: NO_SCOPE,
  createApiToken: NO_SCOPE, revokeApiToken: NO_SCOPE, endSession: NO_SCOPE, endOtherSessions: NO_SCOPE,
  updateProfile: NO_SCOPE, changePassword: NO_SCOPE, requestEmailChange: NO_SCOPE, confirmEmailChange: NO_SCOPE,
  beginTwoFactorEnrolment: NO_SCOPE, confirmTwoFactorEnrolment: NO_SCOPE, disableTwoFactor: NO_SCOPE,
  requestPasswordReset: NO_SCOPE, resetPassword: NO_SCOPE, acceptInvitation: NO_SCOPE,
  // services, the schedule, quotes and cancellations; the emails about them
  services: 'services:read', service: 'services:read', expirySchedule: 'services:read', quote: 'services:read', notifications: 'services:read',
  requestServiceChange: 'services:write', cancelService: 'services:write', withdrawCancellation: 'services:write',
  // orders and payments: what creates an order (a renewal, a confirmed quote) writes orders
  orders: 'orders:read', order: 'orders:read',
  renewService: 'orders:write', confirmQuote: 'orders:write', payOrder: 'orders:write', payWithTestCard: 'orders:write',
  // invoices and the billing data they are made out to
  invoices: 'invoices:read', invoiceYears: 'invoices:read', updateBillingDetails: 'invoices:write',
  // a reseller's clients, and the account's logins
  clients: 'clients:read', client: 'clients:read', users: 'clients:read',
  createClient: 'clients:write', inviteUser: 'clients:write', updateUserRole: 'clients:write', removeUser: 'clients:write',
  // the back office
  accounts: 'clients:read', auditTrail: 'clients:read', createAccount: 'clients:write', eraseUserData: 'clients:write',
  cancellations: 'services:read', lifecycleRuns: 'services:read', runLifecycle: 'services:write',
  provisionService: 'services:write', createProduct: 'services:write', updateProduct: 'services:write',
  recordOfflinePayment: 'orders:write',
  eInvoices: 'invoices:read', importSdiNotification: 'invoices:write', resendEInvoice: 'invoices:write', issueCreditNote: 'invoices:write',
  // webhooks; the calendar feed of the schedule
  webhookEndpoints: 'webhooks:read', webhookDeliveries: 'webhooks:read',
  createWebhookEndpoint: 'webhooks:write', deleteWebhookEndpoint: 'webhooks:write', rotateWebhookSecret: 'webhooks:write', redeliverWebhook: 'webhooks:write',
  calendarFeedUrl: 'services:read', regenerateCalendarFeed: 'services:write',
  // support requests
  tickets: 'support:read', ticket: 'support:read',
  openTicket: 'support:write', replyToTicket: 'support:write', closeTicket: 'support:write', reopenTicket: 'support:write', addTicketNote: 'support:write', assignTicket: 'support:write',
};

/**
 * The area of every object type: a field returning it (anywhere in a query, `viewer { invoices }`,
 * `order { invoice }`) needs reading that area; null for types that belong to no area (the login, the
 * catalog, pages' info, amounts). Mutations' payloads (`…Payload`) belong to none either.
 */
export const TYPE_AREAS: Readonly<Record<string, ApiArea | null>> = {
  Query: null, Mutation: null, Viewer: null, User: null, Session: null, ApiToken: null, Account: null, PageInfo: null, UserError: null, Money: null,
  Catalog: null, Product: null, ProductCategory: null, Features: null, Invitation: null, AuditEvent: null, AuditEventConnection: null, AuditEventEdge: null,
  Service: 'services', ServiceConnection: 'services', ServiceEdge: 'services', Domain: 'services', Cancellation: 'services', CancellationConnection: 'services',
  CancellationEdge: 'services', Quote: 'services', QuoteLine: 'services', Deactivation: 'services', LifecycleRun: 'services', LifecycleRunConnection: 'services',
  LifecycleRunEdge: 'services', Notification: 'services', NotificationConnection: 'services', NotificationEdge: 'services',
  Order: 'orders', OrderConnection: 'orders', OrderEdge: 'orders', OrderLine: 'orders', Payment: 'orders', PaymentInstructions: 'orders', CardPaymentSession: 'orders',
  Invoice: 'invoices', InvoiceConnection: 'invoices', InvoiceEdge: 'invoices', InvoiceLine: 'invoices', BillingDetails: 'invoices', EInvoice: 'invoices',
  EInvoiceConnection: 'invoices', EInvoiceEdge: 'invoices', SdiNotification: 'invoices', SdiError: 'invoices',
  AccountConnection: 'clients', AccountEdge: 'clients',
  WebhookEndpoint: 'webhooks', WebhookDelivery: 'webhooks', WebhookDeliveryConnection: 'webhooks', WebhookDeliveryEdge: 'webhooks', WebhookAttempt: 'webhooks',
  Ticket: 'support', TicketConnection: 'support', TicketEdge: 'support', TicketMessage: 'support', TicketAttachment: 'support',
};

/** Whether a token's scopes grant `needed`: its own scope, or writing the same area. Null scopes: full access. */
export function scopesGrant(scopes: readonly string[] | null, needed: ApiScope): boolean {
  if (!scopes) return true;
  return scopes.includes(needed) || (needed.endsWith(':read') && scopes.includes(needed.replace(/:read$/, ':write')));
}

/** Payload types of mutations (`…Payload`) belong to no area: what they return is checked by its own type. */
export function isPayloadType(typeName: string): boolean {
  return typeName.endsWith('Payload');
}
