import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { cardFailureMessage } from '@/domain/card-declines';
import { paymentInstructions } from '@/domain/payment-instructions';
import type { Order } from '@/entities';
import { offlinePaymentSettings } from '@/lib/payments/settings';
import { findOrder } from '@/operations/orders/find-order';
import { listOrders } from '@/operations/orders/list-orders';
import { supersedingOrderCode } from '@/operations/orders/superseding-order';
import { pageArgs } from '@/operations/pagination';
import { payOrder } from '@/operations/payments/pay-order';
import { payWithTestCard } from '@/operations/payments/pay-with-test-card';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor, requireAdmin } from '../guards';
import { ProductType } from '../types/catalog';
import { toConnection } from '../types/connection';
import { InvoiceType } from '../types/invoice';
import { money, MoneyType, withAmount } from '../types/money';
import { OrderConnectionType, OrderLineType, OrderStatusEnum, OrderType } from '../types/order';
import {
  cardSessionView, PaymentInstructionsType, PaymentType, PayOrderInput, PayOrderPayload, PayWithTestCardInput, PayWithTestCardPayload,
  RecordOfflinePaymentInput, RecordOfflinePaymentPayload,
} from '../types/payment';
import { ServiceType } from '../types/service';
import { DateScalar } from '../scalars';

@InputType('OrderFilter')
class OrderFilterInput {
  @Field(() => String, { nullable: true, description: 'An HCS code, or part of one.' })
  code?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Placed on or after this day.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Placed on or before this day.' })
  to?: string | null;

  @Field(() => OrderStatusEnum, { nullable: true })
  status?: OrderStatusEnum | null;

  @Field(() => ID, { nullable: true, description: "Reseller or back office: a client account's orders." })
  clientId?: string | null;
}

@Resolver(() => OrderType)
export class OrderResolver {
  @Query(() => OrderConnectionType, { description: "The account's orders, newest first." })
  async orders(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => OrderFilterInput, { nullable: true }) filter: OrderFilterInput | null,
  ) {
    return toConnection(await listOrders(context.db, requireActor(context), filter ?? {}, pageArgs(first, after)));
  }

  @Query(() => OrderType, { nullable: true, description: 'One order by HCS code.' })
  order(@Arg('code', () => String) code: string, @Ctx() context: Context) {
    return findOrder(context.db, requireActor(context), code);
  }

  @Mutation(() => PayOrderPayload, { description: '(Re)starts the payment of an order awaiting payment, with any method.' })
  async payOrder(@Arg('input', () => PayOrderInput) input: PayOrderInput, @Ctx() context: Context): Promise<PayOrderPayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => payOrder(context.db, actor, input.code, input.paymentMethod));
    return { order: result?.order ?? null, cardPayment: cardSessionView(result?.cardPayment), userErrors };
  }

  @Mutation(() => PayWithTestCardPayload, { description: 'Test mode only: pays a card session with a test card number.' })
  async payWithTestCard(@Arg('input', () => PayWithTestCardInput) input: PayWithTestCardInput, @Ctx() context: Context): Promise<PayWithTestCardPayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => payWithTestCard(context.db, actor, input.clientSecret, input.cardNumber));
    return { order: result?.order ?? null, payment: result?.payment ?? null, userErrors };
  }

  @Mutation(() => RecordOfflinePaymentPayload, { description: 'Back office: a bank transfer or postal slip received pays the order.' })
  async recordOfflinePayment(@Arg('input', () => RecordOfflinePaymentInput) input: RecordOfflinePaymentInput, @Ctx() context: Context): Promise<RecordOfflinePaymentPayload> {
    const actor = requireAdmin(context);
    const { result, userErrors } = await attempt(() => recordOfflinePayment(context.db, actor, input));
    return { order: result?.order ?? null, invoice: result?.invoice ?? null, userErrors };
  }

  @FieldResolver(() => [OrderLineType])
  async lines(@Root() order: Order, @Ctx() { loaders, locale }: Context): Promise<OrderLineType[]> {
    return (await loaders.orderLines.load(order.id)).map((line) => withAmount(line, locale));
  }

  @FieldResolver(() => MoneyType)
  net(@Root() order: Order, @Ctx() { locale }: Context) { return money(order.netCents, locale); }

  @FieldResolver(() => MoneyType)
  vat(@Root() order: Order, @Ctx() { locale }: Context) { return money(order.vatCents, locale); }

  @FieldResolver(() => MoneyType)
  total(@Root() order: Order, @Ctx() { locale }: Context) { return money(order.totalCents, locale); }

  @FieldResolver(() => String, { nullable: true, description: "Why the last card payment failed, in the caller's language, while the order awaits payment." })
  paymentFailureReason(@Root() order: Order, @Ctx() { locale }: Context): string | null {
    return cardFailureMessage(order.paymentFailureCode, locale);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The order that replaced this one (cancellationReason SUPERSEDED): the one to pay.' })
  supersededByOrderCode(@Root() order: Order, @Ctx() { db }: Context): Promise<string | null> {
    return supersedingOrderCode(db.manager, order);
  }

  @FieldResolver(() => ServiceType, { nullable: true })
  service(@Root() order: Order, @Ctx() { loaders }: Context) {
    return order.serviceId ? loaders.serviceInReach.load(order.serviceId) : null;
  }

  @FieldResolver(() => ProductType, { nullable: true })
  targetProduct(@Root() order: Order, @Ctx() { loaders }: Context) {
    return order.targetProductId ? loaders.catalog.product(order.targetProductId) : null;
  }

  @FieldResolver(() => PaymentInstructionsType, { nullable: true, description: 'While awaiting a bank transfer or postal slip: what to pay, to whom, with which reference.' })
  paymentInstructions(@Root() order: Order, @Ctx() { locale }: Context): PaymentInstructionsType | null {
    const instructions = paymentInstructions(order, offlinePaymentSettings());
    return instructions && { ...instructions, method: instructions.method as PaymentInstructionsType['method'], amount: money(instructions.amountCents, locale) };
  }

  @FieldResolver(() => [PaymentType])
  payments(@Root() order: Order, @Ctx() { loaders }: Context) {
    return loaders.paymentsOfOrder.load(order.id);
  }

  @FieldResolver(() => InvoiceType, { nullable: true })
  invoice(@Root() order: Order, @Ctx() { loaders }: Context) {
    return loaders.invoiceOfOrder.load(order.id);
  }
}
