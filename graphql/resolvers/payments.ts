import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { Payment } from '@/entities';
import { PaymentType } from '../types/payment';

@Resolver(() => PaymentType)
export class PaymentResolver {
  @FieldResolver(() => Boolean)
  testMode(@Root() payment: Payment): boolean {
    return payment.provider === 'TEST';
  }
}
