import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TestCardIntent } from '@/entities';
import type { CardIntent, CardProcessor, CardRefund, NewCardIntent } from './card-processor';

/** Stripe's test cards, as far as this processor knows them, with the code Stripe declines each with. */
const DECLINES: Record<string, string> = {
  '4000000000000002': 'generic_decline',
  '4000000000009995': 'insufficient_funds',
  '4000000000009987': 'lost_card',
  '4000000000009979': 'stolen_card',
  '4000000000000069': 'expired_card',
  '4000000000000127': 'incorrect_cvc',
  '4000000000000119': 'processing_error',
};
const SUCCEEDS = new Set(['4242424242424242', '5555555555554444']);

/** The outcome of charging a test card number: null when it succeeds, otherwise the decline code (domain/card-declines.ts). */
export function testCardDecline(cardNumber: string): string | null {
  const digits = cardNumber.replace(/[\s-]/g, '');
  if (SUCCEEDS.has(digits)) return null;
  return Object.hasOwn(DECLINES, digits) ? DECLINES[digits] : 'incorrect_number';
}

function toCardIntent(intent: TestCardIntent): CardIntent {
  return {
    id: intent.id,
    clientSecret: intent.clientSecret,
    amountCents: intent.amountCents,
    currency: 'eur',
    status: intent.status === 'succeeded' ? 'succeeded' : intent.lastError ? 'failed' : 'pending',
    failureCode: intent.lastError,
    orderCode: intent.metadata.order_code ?? null,
  };
}

/** The built-in processor for offline and demo setups: intents live in our database, not at Stripe. */
export function testProcessor(db: DataSource): CardProcessor {
  const intents = () => db.getRepository(TestCardIntent);
  return {
    provider: 'TEST',
    publishableKey: null,
    async createIntent({ amountCents, orderCode, orderId, idempotencyKey }: NewCardIntent) {
      const id = `test_pi_${randomBytes(12).toString('hex')}`;
      await intents().createQueryBuilder().insert().values({
        id, idempotencyKey, clientSecret: `${id}_secret_${randomBytes(12).toString('hex')}`, amountCents,
        metadata: { order_code: orderCode, order_id: orderId },
      }).orIgnore().execute();
      return toCardIntent(await intents().findOneByOrFail({ idempotencyKey }));
    },
    async retrieveIntent(id: string) {
      return toCardIntent(await intents().findOneByOrFail({ id }));
    },
    /** One refund per intent, as Stripe allows for the whole amount: asked again, the same refund answers. */
    async refundIntent(id: string): Promise<CardRefund> {
      await intents().createQueryBuilder().update()
        .set({ refundId: `test_re_${randomBytes(12).toString('hex')}`, refundedAt: () => 'now()' })
        .where(`id = :id AND status = 'succeeded' AND refund_id IS NULL`, { id }).execute();
      const intent = await intents().findOneByOrFail({ id });
      if (!intent.refundId) throw new Error(`test intent ${id} has not succeeded: there is nothing to refund`);
      return { id: intent.refundId };
    },
  };
}

/** Charges a test card against an intent, as Stripe.js would: the intent records the outcome (a decline code). */
export async function chargeTestCard(db: DataSource, clientSecret: string, cardNumber: string): Promise<TestCardIntent | null> {
  const intent = await db.getRepository(TestCardIntent).findOneBy({ clientSecret });
  if (!intent || intent.status === 'succeeded') return intent;
  const decline = testCardDecline(cardNumber);
  await db.getRepository(TestCardIntent).update({ id: intent.id, status: 'requires_payment_method' }, decline ? { lastError: decline } : { status: 'succeeded', lastError: null });
  return db.getRepository(TestCardIntent).findOneByOrFail({ id: intent.id });
}
