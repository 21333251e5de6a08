import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import { daysRemaining, extendedExpiry } from '@/domain/terms';
import { Service } from '@/entities';
import { today } from '@/lib/clock';
import { pageArgs } from '@/operations/pagination';
import { expirySchedule } from '@/operations/services/expiry-schedule';
import { listServices } from '@/operations/services/list-services';
import type { Context } from '../context';
import { requireActor } from '../guards';
import { DateScalar } from '../scalars';
import { Reads } from '../selection';
import { AccountType } from '../types/account';
import { FeaturesType } from '../types/catalog';
import { toConnection } from '../types/connection';
import { money, MoneyType } from '../types/money';
import { CancellationType, ServiceConnectionType, ServiceType } from '../types/service';
import { featuresOf } from './catalog';

@InputType('ServiceFilter')
class ServiceFilterInput {
  @Field(() => ID, { nullable: true, description: "Reseller or back office: list this client account's services." })
  clientId?: string | null;
}

@Resolver(() => ServiceType)
export class ServiceResolver {
  @Query(() => ServiceConnectionType, { description: "The account's services by domain (a reseller's client's with filter.clientId)." })
  async services(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ServiceFilterInput, { nullable: true }) filter: ServiceFilterInput | null,
  ) {
    const actor = requireActor(context);
    const page = await listServices(context.db, actor, { clientId: filter?.clientId }, pageArgs(first, after));
    await context.loaders.catalog.attachProducts(page.rows);
    return toConnection(page);
  }

  @Query(() => ServiceConnectionType, { description: "The \"Scadenziario\": the account's services by expiry date; withinDays keeps the active ones expiring in that many days." })
  async expirySchedule(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('withinDays', () => Int, { nullable: true }) withinDays: number | null,
    @Arg('clientId', () => ID, { nullable: true }) clientId: string | null,
  ) {
    const actor = requireActor(context);
    const page = await expirySchedule(context.db, actor, { clientId, withinDays }, pageArgs(first, after));
    await context.loaders.catalog.attachProducts(page.rows);
    return toConnection(page);
  }

  @Query(() => ServiceType, { nullable: true, description: 'One service the caller may see and act on (its own, a client\'s for a reseller).' })
  service(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    requireActor(context);
    return context.loaders.serviceInReach.load(id);
  }

  @FieldResolver(() => Int)
  @Reads('expiresOn')
  daysLeft(@Root() service: Service): number {
    return daysRemaining(service, today());
  }

  @FieldResolver(() => DateScalar)
  @Reads('expiresOn')
  renewalExpiresOn(@Root() service: Service): string {
    return extendedExpiry(service);
  }

  @FieldResolver(() => MoneyType)
  @Reads('recurringPriceCents')
  recurringPrice(@Root() service: Service, @Ctx() { locale }: Context): MoneyType {
    return money(service.recurringPriceCents, locale);
  }

  @FieldResolver(() => Int)
  @Reads('productId')
  async renewalPriceCents(@Root() service: Service, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.catalog.product(service.productId)).priceCents;
  }

  @FieldResolver(() => MoneyType)
  @Reads('productId')
  async renewalPrice(@Root() service: Service, @Ctx() context: Context): Promise<MoneyType> {
    return money(await this.renewalPriceCents(service, context), context.locale);
  }

  @FieldResolver(() => CancellationType, { nullable: true })
  @Reads('id')
  cancellation(@Root() service: Service, @Ctx() { loaders }: Context) {
    return loaders.openCancellation.load(service.id);
  }

  @FieldResolver(() => ServiceType, { nullable: true })
  @Reads('parentServiceId')
  parentService(@Root() service: Service, @Ctx() { loaders }: Context) {
    return service.parentServiceId ? loaders.serviceInReach.load(service.parentServiceId) : null;
  }

  @FieldResolver(() => FeaturesType)
  @Reads('productId')
  async features(@Root() service: Service, @Ctx() { loaders }: Context): Promise<FeaturesType> {
    return featuresOf(await loaders.catalog.product(service.productId));
  }

  @FieldResolver(() => AccountType)
  @Reads('accountId')
  account(@Root() service: Service, @Ctx() { loaders }: Context) {
    return loaders.account.load(service.accountId);
  }
}
