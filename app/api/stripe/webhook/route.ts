import { getDataSource } from '@/lib/db/data-source';
import { payloadTooLarge, readTextWithinLimit } from '@/lib/http/body-limit';
import { logger } from '@/lib/observability/logger';
import { handleStripeWebhook } from '@/operations/payments/stripe-webhook';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const payload = await readTextWithinLimit(request);
  if (payload === null) return payloadTooLarge();
  try {
    const { status, message } = await handleStripeWebhook(await getDataSource(), payload, request.headers.get('stripe-signature'));
    return Response.json({ message }, { status });
  } catch (error) {
    // Nothing was committed; Stripe delivers the event again later.
    logger().error({ err: error }, 'Stripe webhook failed');
    return Response.json({ message: 'processing failed, retry later' }, { status: 500 });
  }
}
