import type { CalendarDate } from './calendar';
import { formatDate } from './dates-format';
import { prorate, totalsOf, type Cents, type Locale } from './money';
import { daysRemaining, extendedExpiry, termDays } from './terms';

/** Pure pricing of a service change ("cambio servizio") and of what a cancellation deactivates. */

export interface ProductTerms {
  code: string;
  name: string;
  category: string; // DOMAIN, PEC, HOSTING, RESELLER, VPS, CLOUD, DEDICATED
  priceCents: Cents;
  changeFeeCents: Cents;
  webSpaceGb: number;
  databases: number;
  mailboxes: number;
  additionalDomains: number;
  server: boolean;
  pecMailboxes: number;
}

export interface ServiceTerms {
  domain: string;
  termStartsOn: CalendarDate;
  expiresOn: CalendarDate;
  recurringPriceCents: Cents;
  product: ProductTerms;
}

/** Signed: a credit is negative. */
export interface ChangeLine {
  kind: 'CREDIT' | 'NEW_PLAN' | 'NEW_PLAN_FULL_YEAR' | 'CHANGE_FEE';
  description: string;
  amountCents: Cents;
}

/** A client's additional domain hosted in a reseller plan, with no plan of its own. */
export interface ClientDomain { serviceId: string; domain: string; accountName: string }

export interface Deactivation {
  kind: 'FEATURE' | 'SERVICE' | 'DOMAIN';
  description: string;
  domain: string | null;
  serviceId: string | null;
}

export interface ChangeQuote {
  direction: 'UPGRADE' | 'DOWNGRADE';
  /** r ≤ 60, whatever the direction. */
  nearExpiry: boolean;
  daysRemaining: number;
  termDays: number;
  lines: ChangeLine[];
  netCents: Cents;
  vatCents: Cents;
  totalCents: Cents;
  newExpiresOn: CalendarDate;
  effectiveOn: CalendarDate;
  newRecurringPriceCents: Cents;
  /** What the service renews at after the change: the target's list price. */
  renewalPriceCents: Cents;
  /** A downgrade near expiry: the renewal of the new product falls due on the expiry day. */
  renewalDueOnExpiry: boolean;
  freeDays: number;
  deactivations: Deactivation[];
}

export const NEAR_EXPIRY_DAYS = 60;

export function priceServiceChange(input: {
  service: ServiceTerms;
  target: ProductTerms;
  today: CalendarDate;
  clientDomains: ClientDomain[];
  locale: Locale;
}): ChangeQuote {
  const { service, target, today, clientDomains, locale } = input;
  const current = service.product;
  if (target.code === current.code) throw new RangeError(`the service already has product ${target.code}`);
  if (today >= service.expiresOn) throw new RangeError(`the service expired on ${service.expiresOn}`);
  const r = daysRemaining(service, today);
  const T = termDays(service);
  if (T <= 0) throw new RangeError('the term must end after it starts');

  const direction = target.priceCents > current.priceCents ? 'UPGRADE' : 'DOWNGRADE';
  const nearExpiry = r <= NEAR_EXPIRY_DAYS;
  const text = (it: string, en: string) => (locale === 'it' ? it : en);
  const change = `${current.code} → ${target.code} (${service.domain})`;
  let lines: ChangeLine[];
  let newExpiresOn = service.expiresOn;
  let freeDays = 0;

  if (direction === 'DOWNGRADE') {
    lines = [{
      kind: 'CHANGE_FEE',
      description: text(`Costo di cambio servizio ${change}`, `Service change fee ${change}`),
      amountCents: target.changeFeeCents,
    }];
  } else if (nearExpiry) {
    newExpiresOn = extendedExpiry(service);
    freeDays = r;
    const until = formatDate(newExpiresOn, locale);
    lines = [{
      kind: 'NEW_PLAN_FULL_YEAR',
      description: text(
        `Cambio servizio ${change}, un anno con scadenza ${until} e ${r === 1 ? '1 giorno' : `${r} giorni`} in omaggio`,
        `Service change ${change}, one year expiring ${until} with ${r === 1 ? '1 day' : `${r} days`} free`,
      ),
      amountCents: target.priceCents,
    }];
  } else {
    const newPlan = prorate(target.priceCents, r, T);
    // A legacy recurring price above the new list price would make the credit larger than the
    // new-plan line; a change never refunds, so the credit is capped and the net stays ≥ 0.
    const credit = Math.min(prorate(service.recurringPriceCents, r, T), newPlan);
    lines = [
      {
        kind: 'CREDIT',
        description: text(
          `Credito per ${r} giorni non goduti di ${current.code} (${service.domain})`,
          `Credit for ${r} unused days of ${current.code} (${service.domain})`,
        ),
        amountCents: 0 - credit, // not -credit: no negative zero
      },
      {
        kind: 'NEW_PLAN',
        description: text(
          `${target.code} per i ${r} giorni residui (${service.domain})`,
          `${target.code} for the remaining ${r} days (${service.domain})`,
        ),
        amountCents: newPlan,
      },
    ];
  }

  const totals = totalsOf(lines.map((line) => line.amountCents));
  return {
    direction,
    nearExpiry,
    daysRemaining: r,
    termDays: T,
    lines,
    ...totals,
    newExpiresOn,
    effectiveOn: today,
    newRecurringPriceCents: target.priceCents,
    renewalPriceCents: target.priceCents,
    renewalDueOnExpiry: direction === 'DOWNGRADE' && nearExpiry,
    freeDays,
    deactivations: [
      ...lostFeatures(current, target, service.domain, locale),
      // A reseller plan keeping some additional domains, even fewer than its clients use, lists
      // none of them: which ones go is not decided here (kept simple on purpose).
      ...(current.additionalDomains > 0 && target.additionalDomains === 0 ? clientDomainDeactivations(clientDomains, locale) : []),
    ],
  };
}

/** What a cancellation deactivates on `expiresOn`. */
export function describeCancellation(input: { service: ServiceTerms; clientDomains: ClientDomain[]; locale: Locale }): Deactivation[] {
  const { service, clientDomains, locale } = input;
  const { code } = service.product;
  const own: Deactivation = {
    kind: 'SERVICE',
    description: locale === 'it' ? `Servizio ${code} per ${service.domain}` : `${code} service for ${service.domain}`,
    domain: service.domain,
    serviceId: null,
  };
  return [own, ...(service.product.additionalDomains > 0 ? clientDomainDeactivations(clientDomains, locale) : [])];
}

function clientDomainDeactivations(clientDomains: readonly ClientDomain[], locale: Locale): Deactivation[] {
  return clientDomains.map((client) => ({
    kind: 'DOMAIN',
    description: locale === 'it'
      ? `Dominio aggiuntivo ${client.domain} del cliente ${client.accountName}`
      : `Additional domain ${client.domain} of client ${client.accountName}`,
    domain: client.domain,
    serviceId: client.serviceId,
  }));
}

type CountedFeature = 'webSpaceGb' | 'databases' | 'mailboxes' | 'pecMailboxes' | 'additionalDomains';

/** Texts for `n` units of a feature: [it, en]. */
const FEATURE_TEXTS: Record<CountedFeature, (n: number) => [string, string]> = {
  webSpaceGb: (n) => [`${n} GB di spazio web`, `${n} GB of web space`],
  databases: (n) => [`${n} database`, n === 1 ? '1 database' : `${n} databases`],
  mailboxes: (n) => [n === 1 ? '1 casella email' : `${n} caselle email`, n === 1 ? '1 mailbox' : `${n} mailboxes`],
  pecMailboxes: (n) => [n === 1 ? '1 casella PEC' : `${n} caselle PEC`, n === 1 ? '1 PEC mailbox' : `${n} PEC mailboxes`],
  additionalDomains: (n) => [n === 1 ? '1 dominio aggiuntivo' : `${n} domini aggiuntivi`, n === 1 ? '1 additional domain' : `${n} additional domains`],
};

function lostFeatures(current: ProductTerms, target: ProductTerms, domain: string, locale: Locale): Deactivation[] {
  const pick = ([it, en]: [string, string]) => (locale === 'it' ? it : en);
  const unit = (feature: CountedFeature, n: number) => (feature === 'webSpaceGb' ? `${n} GB` : `${n}`);
  const lost: string[] = [];
  for (const feature of Object.keys(FEATURE_TEXTS) as CountedFeature[]) {
    const [had, keeps] = [current[feature], target[feature]];
    if (keeps >= had) continue;
    if (keeps > 0) {
      lost.push(`${pick(FEATURE_TEXTS[feature](had - keeps))} (${unit(feature, had)} → ${unit(feature, keeps)})`);
    } else if (feature === 'webSpaceGb') {
      lost.push(pick([`Spazio web ${had} GB`, `${had} GB web space`]));
    } else {
      lost.push(pick(FEATURE_TEXTS[feature](had)));
    }
  }
  if (current.server && !target.server) lost.push(`Server (${current.name})`);
  return lost.map((description) => ({ kind: 'FEATURE', description, domain, serviceId: null }));
}
