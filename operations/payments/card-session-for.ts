import type { DataSource } from 'typeorm';
import type { Order } from '@/entities';
import { startCardPayment, type CardPaymentSession } from './start-card-payment';

/** For an order just placed or confirmed again: the card session when it is to be paid by card. */
export async function cardSessionFor(db: DataSource, order: Order | null): Promise<CardPaymentSession | null> {
  if (!order || order.status !== 'AWAITING_PAYMENT' || order.paymentMethod !== 'CARD') return null;
  return startCardPayment(db, order.id);
}
