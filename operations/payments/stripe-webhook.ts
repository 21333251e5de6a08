import type Stripe from 'stripe';
import type { DataSource } from 'typeorm';
import { WebhookEvent } from '@/entities';
import { stripeSettings } from '@/lib/payments/settings';
import { stripeClient } from '@/lib/payments/stripe-processor';
import { applyCardOutcome } from './card-outcome';

export type WebhookResult = { status: 200 | 400 | 404; message: string };

const INTENT_EVENTS = new Set(['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled', 'payment_intent.processing']);

/**
 * Stripe's webhook: the signature is checked on the raw body (300 s tolerance), each event id is
 * processed once, and the PaymentIntent is re-read before anything is applied, so duplicated,
 * replayed or out-of-order deliveries all end in the same state.
 */
export async function handleStripeWebhook(db: DataSource, rawBody: string, signature: string | null): Promise<WebhookResult> {
  const settings = stripeSettings();
  if (!settings?.webhookSecret) return { status: 404, message: 'Stripe is not configured' };
  let event: Stripe.Event;
  try {
    event = stripeClient(settings).webhooks.constructEvent(rawBody, signature ?? '', settings.webhookSecret);
  } catch {
    return { status: 400, message: 'invalid signature' };
  }
  const events = db.getRepository(WebhookEvent);
  await events.createQueryBuilder().insert().values({ id: event.id, type: event.type }).orIgnore().execute();
  if ((await events.findOneByOrFail({ id: event.id })).processedAt) return { status: 200, message: 'already processed' };
  if (INTENT_EVENTS.has(event.type)) await applyCardOutcome(db, (event.data.object as Stripe.PaymentIntent).id);
  await events.update({ id: event.id }, { processedAt: new Date() });
  return { status: 200, message: 'processed' };
}
