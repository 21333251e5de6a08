import { Account } from './account';
import { ApiToken } from './api-token';
import { AuditEvent } from './audit-event';
import { CalendarFeed } from './calendar-feed';
import { Cancellation } from './cancellation';
import { DocumentCounter } from './document-counter';
import { EInvoice } from './e-invoice';
import { EmailChange } from './email-change';
import { Invitation } from './invitation';
import { Invoice } from './invoice';
import { InvoiceLine } from './invoice-line';
import { LifecycleRun } from './lifecycle-run';
import { LoginAttempt } from './login-attempt';
import { Notification } from './notification';
import { Order } from './order';
import { OrderLine } from './order-line';
import { PasswordReset } from './password-reset';
import { Payment } from './payment';
import { Product } from './product';
import { ProductCategory } from './product-category';
import { Quote } from './quote';
import { RecoveryCode } from './recovery-code';
import { SdiNotification } from './sdi-notification';
import { Service } from './service';
import { TestCardIntent } from './test-card-intent';
import { Ticket } from './ticket';
import { TicketAttachment } from './ticket-attachment';
import { TicketMessage } from './ticket-message';
import { User } from './user';
import { UserSession } from './user-session';
import { WebhookAttempt } from './webhook-attempt';
import { WebhookDelivery } from './webhook-delivery';
import { WebhookEndpoint } from './webhook-endpoint';
import { WebhookEvent } from './webhook-event';

export {
  Account, ApiToken, AuditEvent, CalendarFeed, Cancellation, DocumentCounter, EInvoice, EmailChange, Invitation, Invoice, InvoiceLine, LifecycleRun, LoginAttempt, Notification,
  Order, OrderLine, PasswordReset, Payment, Product, ProductCategory, Quote, RecoveryCode, SdiNotification, Service, TestCardIntent, Ticket, TicketAttachment, TicketMessage, User, UserSession, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent,
};

export const ENTITIES = [
  Account, ApiToken, AuditEvent, CalendarFeed, Cancellation, DocumentCounter, EInvoice, EmailChange, Invitation, Invoice, InvoiceLine, LifecycleRun, LoginAttempt, Notification,
  Order, OrderLine, PasswordReset, Payment, Product, ProductCategory, Quote, RecoveryCode, SdiNotification, Service, TestCardIntent, Ticket, TicketAttachment, TicketMessage, User, UserSession, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent,
];
