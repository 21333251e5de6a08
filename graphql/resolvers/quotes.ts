import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Quote } from '@/entities';
import type { StoredQuoteLine } from '@/entities/quote';
import { now } from '@/lib/clock';
import { renewService } from '@/operations/billing/renew-service';
import { cancelService } from '@/operations/quotes/cancel-service';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { findQuote } from '@/operations/quotes/find-quote';
import { quoteExpired } from '@/operations/quotes/quote-validity';
import { requestServiceChange } from '@/operations/quotes/request-service-change';
import { withdrawCancellation } from '@/operations/quotes/withdraw-cancellation';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor } from '../guards';
import { ProductType } from '../types/catalog';
import { money, MoneyType, withAmount } from '../types/money';
import { cardSessionView } from '../types/payment';
import {
  CancelServiceInput, ConfirmQuoteInput, ConfirmQuotePayload, QuoteLineType, QuotePayload, QuoteType, RenewServiceInput,
  RenewServicePayload, RequestServiceChangeInput, WithdrawCancellationInput, WithdrawCancellationPayload,
} from '../types/quote';
import { ServiceType } from '../types/service';

@Resolver(() => QuoteType)
export class QuoteResolver {
  @Query(() => QuoteType, { nullable: true, description: 'A stored quote of your account.' })
  quote(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    return findQuote(context.db, requireActor(context), id);
  }

  @Mutation(() => QuotePayload, { description: 'Prices a change of product; changes nothing else.' })
  async requestServiceChange(@Arg('input', () => RequestServiceChangeInput) input: RequestServiceChangeInput, @Ctx() context: Context): Promise<QuotePayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => requestServiceChange(context.db, actor, input));
    return { quote: result, userErrors };
  }

  @Mutation(() => QuotePayload, { description: 'Quotes a cancellation effective on the expiry day (no charge, no refund); changes nothing else.' })
  async cancelService(@Arg('input', () => CancelServiceInput) input: CancelServiceInput, @Ctx() context: Context): Promise<QuotePayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => cancelService(context.db, actor, input));
    return { quote: result, userErrors };
  }

  @Mutation(() => ConfirmQuotePayload, { description: 'Commits a quote: a change becomes an order awaiting payment, a cancellation is recorded.' })
  async confirmQuote(@Arg('input', () => ConfirmQuoteInput) input: ConfirmQuoteInput, @Ctx() context: Context): Promise<ConfirmQuotePayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => confirmQuote(context.db, actor, input));
    return { quote: result?.quote ?? null, order: result?.order ?? null, cancellation: result?.cancellation ?? null, cardPayment: cardSessionView(result?.cardPayment), userErrors };
  }

  @Mutation(() => WithdrawCancellationPayload, { description: 'Takes back a confirmed cancellation before the expiry day.' })
  async withdrawCancellation(@Arg('input', () => WithdrawCancellationInput) input: WithdrawCancellationInput, @Ctx() context: Context): Promise<WithdrawCancellationPayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => withdrawCancellation(context.db, actor, input.serviceId));
    await context.loaders.catalog.attachProducts([result?.service ?? null]);
    return { service: result?.service ?? null, cancellation: result?.cancellation ?? null, userErrors };
  }

  @Mutation(() => RenewServicePayload, { description: 'A renewal order for one more year at the current list price.' })
  async renewService(@Arg('input', () => RenewServiceInput) input: RenewServiceInput, @Ctx() context: Context): Promise<RenewServicePayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => renewService(context.db, actor, input.serviceId, input.paymentMethod));
    return { order: result?.order ?? null, supersededOrder: result?.superseded ?? null, cardPayment: cardSessionView(result?.cardPayment), userErrors };
  }

  @FieldResolver(() => ServiceType)
  service(@Root() quote: Quote, @Ctx() { loaders }: Context) {
    return loaders.serviceInReach.load(quote.serviceId);
  }

  @FieldResolver(() => ProductType, { nullable: true })
  targetProduct(@Root() quote: Quote, @Ctx() { loaders }: Context) {
    return quote.targetProductId ? loaders.catalog.product(quote.targetProductId) : null;
  }

  @FieldResolver(() => [QuoteLineType])
  lines(@Root() quote: Quote, @Ctx() { locale }: Context): QuoteLineType[] {
    return quote.lines.map((line: StoredQuoteLine) => withAmount(line, locale));
  }

  @FieldResolver(() => MoneyType)
  net(@Root() quote: Quote, @Ctx() { locale }: Context) { return money(quote.netCents, locale); }

  @FieldResolver(() => MoneyType)
  vat(@Root() quote: Quote, @Ctx() { locale }: Context) { return money(quote.vatCents, locale); }

  @FieldResolver(() => MoneyType)
  total(@Root() quote: Quote, @Ctx() { locale }: Context) { return money(quote.totalCents, locale); }

  @FieldResolver(() => Boolean)
  expired(@Root() quote: Quote): boolean {
    return quoteExpired(quote, now());
  }

  @FieldResolver(() => Boolean)
  renewalDueOnExpiry(@Root() quote: Quote): boolean {
    return quote.direction === 'DOWNGRADE' && quote.nearExpiry;
  }

  @FieldResolver(() => String, { nullable: true })
  async supersedesOrderCode(@Root() quote: Quote, @Ctx() { loaders }: Context): Promise<string | null> {
    return quote.supersedesOrderId ? (await loaders.order.load(quote.supersedesOrderId))?.code ?? null : null;
  }
}
