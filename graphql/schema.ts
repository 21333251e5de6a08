import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { validateInputs } from './input-validation';
import { AccountLoginsResolver } from './resolvers/account-logins';
import { ApiTokenResolver } from './resolvers/api-tokens';
import { BackOfficeResolver, CancellationResolver } from './resolvers/back-office';
import { BillingDetailsResolver } from './resolvers/billing-details';
import { CalendarFeedResolver } from './resolvers/calendar-feed';
import { CatalogResolver, ProductCategoryResolver, ProductResolver } from './resolvers/catalog';
import { ClientTreeResolver } from './resolvers/clients';
import { EInvoiceResolver } from './resolvers/e-invoices';
import { InvoiceResolver } from './resolvers/invoices';
import { LifecycleResolver } from './resolvers/lifecycle';
import { NotificationResolver } from './resolvers/notifications';
import { OrderResolver } from './resolvers/orders';
import { PasswordResetResolver } from './resolvers/password-reset';
import { PaymentResolver } from './resolvers/payments';
import { PersonalDataResolver } from './resolvers/personal-data';
import { ProfileResolver } from './resolvers/profile';
import { QuoteResolver } from './resolvers/quotes';
import { SecondFactorResolver } from './resolvers/second-factor';
import { ServiceResolver } from './resolvers/services';
import { SessionResolver } from './resolvers/sessions';
import { TicketResolver } from './resolvers/tickets';
import { AccountResolver, ViewerResolver } from './resolvers/viewer';
import { WebhookResolver } from './resolvers/webhooks';

const RESOLVERS = [
  ApiTokenResolver, AccountResolver, CatalogResolver, InvoiceResolver, LifecycleResolver, NotificationResolver, OrderResolver, PasswordResetResolver, PaymentResolver, ProductCategoryResolver, ProductResolver, QuoteResolver,
  ServiceResolver, ViewerResolver, BackOfficeResolver, BillingDetailsResolver, CancellationResolver, ClientTreeResolver, EInvoiceResolver, SessionResolver, ProfileResolver, SecondFactorResolver, AccountLoginsResolver, PersonalDataResolver, TicketResolver,
  WebhookResolver, CalendarFeedResolver,
] as const;

const cache = globalThis as typeof globalThis & { __pannelloSchema?: { resolvers: readonly unknown[]; schema: GraphQLSchema } };

/** Built once per process; rebuilt when the resolver classes change (dev hot reload). */
export function appSchema(): GraphQLSchema {
  const cached = cache.__pannelloSchema;
  if (cached && cached.resolvers.every((resolver, i) => resolver === RESOLVERS[i])) return cached.schema;
  const schema = validateInputs(buildSchemaSync({ resolvers: RESOLVERS, validate: false }));
  cache.__pannelloSchema = { resolvers: RESOLVERS, schema };
  return schema;
}

/** The schema as committed in schema.graphql. */
export function printAppSchema(): string {
  return `${printSchema(lexicographicSortSchema(appSchema()))}\n`;
}
