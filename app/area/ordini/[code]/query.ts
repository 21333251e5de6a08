import { PRICED_LINES_FIELDS } from '@/components/priced-lines';

/** What an order's page asks for (also measured as an API query by the benchmark). */
export const ORDER_PAGE_QUERY = `query($code: String!) { order(code: $code) {
    code status placedOn paymentFailureReason supersededByOrderCode ${PRICED_LINES_FIELDS}
    payments { method status testMode failureReason createdAt }
    paymentInstructions { method beneficiary iban bankName postalAccount amount { formatted } reference }
    invoice { number pdfUrl } service { domain }
  } }`;
