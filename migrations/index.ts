import { SupportTickets1796672457969 } from './1796672457969-support-tickets';
import { WebhooksAndCalendarFeeds1796672472977 } from './1796672472977-webhooks-and-calendar-feeds';
import { ScopedTokensAndRateLimits1796672496731 } from './1796672496731-scoped-tokens-and-rate-limits';
import { AccountRoles1796667566693 } from './1796667566693-account-roles';
import { SecondFactor1796666903558 } from './1796666903558-second-factor';
import { Profiles1796666594691 } from './1796666594691-profiles';
import { UserSessions1796666202713 } from './1796666202713-user-sessions';
import { EInvoices1796664442892 } from './1796664442892-einvoices';
import { BillingKindAndTaxProfiles1796664405667 } from './1796664405667-billing-kind-and-tax-profiles';
import { CreditNotesAndRefunds1796664348103 } from './1796664348103-credit-notes-and-refunds';
import { NotificationSecretsForTheMailboxOnly1796663493379 } from './1796663493379-notification-secrets-for-the-mailbox-only';
import { CardFailureCodes1796663073269 } from './1796663073269-card-failure-codes';
import { SubstringSearchIndexes1796010003085 } from './1796010003085-substring-search-indexes';
import { OrdersStatusIndex1796005827806 } from './1796005827806-orders-status-index';
import { ListOrderIndexes1795996109246 } from './1795996109246-list-order-indexes';
import { CatalogRevision1795990000000 } from './1795990000000-catalog-revision';
import { OrderNumberSequence1795981380499 } from './1795981380499-order-number-sequence';
import { LoginAttempts1795978766616 } from './1795978766616-login-attempts';
import { PasswordResets1795978710466 } from './1795978710466-password-resets';
import { NotificationTimesToTheMillisecond1795978634666 } from './1795978634666-notification-times-to-the-millisecond';
import { LifecycleRuns1795978400557 } from './1795978400557-lifecycle-runs';
import { OrderPlacedOnAndPayments1795978272919 } from './1795978272919-order-placed-on-and-payments';
import { QuoteFreeDays1795977940515 } from './1795977940515-quote-free-days';
import { Initial1795977176813 } from './1795977176813-initial';

/** Every migration, oldest first. `npm run migration:generate` appends new ones here. */
export const MIGRATIONS = [Initial1795977176813, QuoteFreeDays1795977940515, OrderPlacedOnAndPayments1795978272919, LifecycleRuns1795978400557, NotificationTimesToTheMillisecond1795978634666, PasswordResets1795978710466, LoginAttempts1795978766616, OrderNumberSequence1795981380499, CatalogRevision1795990000000, ListOrderIndexes1795996109246, OrdersStatusIndex1796005827806, SubstringSearchIndexes1796010003085, CardFailureCodes1796663073269, NotificationSecretsForTheMailboxOnly1796663493379, CreditNotesAndRefunds1796664348103, BillingKindAndTaxProfiles1796664405667, EInvoices1796664442892, UserSessions1796666202713, Profiles1796666594691, SecondFactor1796666903558, AccountRoles1796667566693, SupportTickets1796672457969, WebhooksAndCalendarFeeds1796672472977, ScopedTokensAndRateLimits1796672496731];
