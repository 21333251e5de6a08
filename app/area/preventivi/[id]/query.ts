import { PRICED_LINES_FIELDS } from '@/components/priced-lines';

/** What a quote's page asks for (also measured as an API query by the benchmark). */
export const QUOTE_PAGE_QUERY = `query($id: ID!) { quote(id: $id) {
    id kind direction nearExpiry freeDays newExpiresOn effectiveOn expiresAt expired confirmedAt renewalPriceCents renewalDueOnExpiry supersedesOrderCode cancellationReason
    ${PRICED_LINES_FIELDS}
    deactivations { kind description } service { domain expiresOn product { code } } targetProduct { code name price { formatted } }
  } }`;
