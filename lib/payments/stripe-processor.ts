import Stripe from 'stripe';
import { cardFailureCode } from '@/domain/card-declines';
import type { CardIntent, CardProcessor, CardRefund, NewCardIntent } from './card-processor';
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
    async refundIntent(id: string, idempotencyKey: string): Promise<CardRefund> {
      const refund = await stripe.refunds.create({ payment_intent: id }, { idempotencyKey });
      // A card refund is pending or succeeded at once; failed or canceled means the money did not go back.
      if (refund.status === 'failed' || refund.status === 'canceled') throw new Error(`Stripe refund ${refund.id} of ${id} is ${refund.status}: ${refund.failure_reason ?? 'no reason given'}`);
      return { id: refund.id };
    },
  };
}
