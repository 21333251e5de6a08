import type { Locale } from '@/domain/money';
import { date } from '@/portal/format';

export interface ServiceSummaryData { domain: string; expiresOn: string; daysLeft: number; product: { code: string; name: string }; account: { name: string } }

export const SERVICE_SUMMARY_FIELDS = 'id domain expiresOn daysLeft status product { code name category { code } priceCents features { webSpaceGb databases mailboxes additionalDomains server pecMailboxes } } account { name } renewalPrice { formatted } cancellation { effectiveOn }';

export function ServiceSummary({ service, locale, label }: { service: ServiceSummaryData; locale: Locale; label: string }) {
  return (
    <p className="service-summary">
      {label}: <strong>{service.product.code}</strong> ({service.product.name}) — {service.domain} — {service.account.name} — {date(service.expiresOn, locale)}
    </p>
  );
}
