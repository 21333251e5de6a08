import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Order } from '@/entities';
import type { Context } from '../context';
import { ProductType } from '../types/catalog';
import { money, MoneyType } from '../types/money';
import { OrderLineType, OrderType } from '../types/order';
import { ServiceType } from '../types/service';

@Resolver(() => OrderType)
export class OrderResolver {
  @FieldResolver(() => [OrderLineType])
  async lines(@Root() order: Order, @Ctx() { loaders, locale }: Context): Promise<OrderLineType[]> {
    return (await loaders.orderLines.load(order.id)).map((line) => ({ description: line.description, amountCents: line.amountCents, amount: money(line.amountCents, locale) }));
  }

  @FieldResolver(() => MoneyType)
  total(@Root() order: Order, @Ctx() { locale }: Context) { return money(order.totalCents, locale); }

  @FieldResolver(() => ServiceType, { nullable: true })
  service(@Root() order: Order, @Ctx() { loaders }: Context) {
    return order.serviceId ? loaders.serviceInReach.load(order.serviceId) : null;
  }

  @FieldResolver(() => ProductType, { nullable: true })
  targetProduct(@Root() order: Order, @Ctx() { loaders }: Context) {
    return order.targetProductId ? loaders.product.load(order.targetProductId) : null;
  }
}
