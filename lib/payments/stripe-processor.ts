import Stripe from 'stripe';
import { cardFailureCode } from '@/domain/card-declines';
import type { CardIntent, CardProcessor, NewCardIntent } from './card-processor';
import type { StripeSettings } from './settings';

export function stripeClient(settings: StripeSettings): Stripe {
  const base = settings.apiBase ? new URL(settings.apiBase) : null;
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    ...(base ? { protocol: base.protocol.replace(':', '') as 'http' | 'https', host: base.hostname, port: base.port || undefined } : {}),
  });
}

function fromPaymentIntent(intent: Stripe.PaymentIntent): CardIntent {
  const failed = intent.status === 'canceled' || (intent.status === 'requires_payment_method' && intent.last_payment_error != null);
  return {
    id: intent.id,
    clientSecret: intent.client_secret ?? '',
    amountCents: intent.amount,
    currency: intent.currency,
    status: intent.status === 'succeeded' ? 'succeeded' : failed ? 'failed' : 'pending',
    failureCode: cardFailureCode(intent.last_payment_error) ?? (intent.status === 'canceled' ? 'payment_canceled' : null),
    orderCode: intent.metadata?.order_code ?? null,
  };
}

export function stripeProcessor(settings: StripeSettings): CardProcessor {
  const stripe = stripeClient(settings);
  return {
    provider: 'STRIPE',
    publishableKey: settings.publishableKey,
    async createIntent({ amountCents, orderCode, orderId, idempotencyKey }: NewCardIntent) {
      const intent = await stripe.paymentIntents.create(
        { amount: amountCents, currency: 'eur', metadata: { order_code: orderCode, order_id: orderId }, description: `Ordine ${orderCode}`, automatic_payment_methods: { enabled: true } },
        { idempotencyKey },
      );
      return fromPaymentIntent(intent);
    },
    async retrieveIntent(id: string) {
      return fromPaymentIntent(await stripe.paymentIntents.retrieve(id));
    },
  };
}
