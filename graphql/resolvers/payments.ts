import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { cardFailureMessage } from '@/domain/card-declines';
import type { Payment } from '@/entities';
import type { Context } from '../context';
import { PaymentType } from '../types/payment';

@Resolver(() => PaymentType)
export class PaymentResolver {
  @FieldResolver(() => Boolean)
  testMode(@Root() payment: Payment): boolean {
    return payment.provider === 'TEST';
  }

  @FieldResolver(() => String, { nullable: true, description: "Why the attempt failed, in the caller's language." })
  failureReason(@Root() payment: Payment, @Ctx() { locale }: Context): string | null {
    return cardFailureMessage(payment.failureCode, locale);
  }
}
