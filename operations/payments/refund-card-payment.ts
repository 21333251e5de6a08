import type { DataSource } from 'typeorm';
import { Payment } from '@/entities';
import type { CardProcessor } from '@/lib/payments/card-processor';
import { recordAudit } from '../audit';

/** A card payment collected that must go back, and the account it was collected from. */
export interface RefundDue { paymentId: string; accountId: string }

/**
 * Gives back a card payment that could not be applied. The processor is called outside any transaction,
 * with an idempotency key made from the payment, so a retry, or two deliveries at once, reach the same
 * refund; the payment becomes REFUNDED once, audited, by whichever call records it first. A processor
 * that fails throws: the payment stays "refund due" and the next outcome of its intent tries again.
 */
export async function refundCardPayment(db: DataSource, processor: CardProcessor, { paymentId, accountId }: RefundDue): Promise<void> {
  const { providerReference } = await db.getRepository(Payment).findOneByOrFail({ id: paymentId });
  const refund = await processor.refundIntent(providerReference!, `refund-${paymentId}`);
  await db.transaction(async (manager) => {
    const payment = await manager.createQueryBuilder(Payment, 'p').setLock('pessimistic_write').where('p.id = :id', { id: paymentId }).getOneOrFail();
    if (payment.status === 'REFUNDED') return;
    await manager.update(Payment, payment.id, { status: 'REFUNDED', refundedAt: new Date(), refundReference: refund.id });
    await recordAudit(manager, null, {
      action: 'payment.refunded', entityType: 'Payment', entityId: payment.id, accountId,
      before: { status: payment.status, failureCode: payment.failureCode }, after: { status: 'REFUNDED', refundReference: refund.id, amountCents: payment.amountCents },
    }, 'payments');
  });
}
