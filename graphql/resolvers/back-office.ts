import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Cancellation } from '@/entities';
import type { CancellationStatus } from '@/entities/cancellation';
import { createAccountWithLogin } from '@/operations/access/create-account';
import { listAuditTrail } from '@/operations/back-office/audit-trail';
import { listCancellations } from '@/operations/back-office/support-cancellations';
import { createProduct } from '@/operations/catalog/create-product';
import { updateProduct } from '@/operations/catalog/update-product';
import { listClients } from '@/operations/clients/list-clients';
import { pageArgs } from '@/operations/pagination';
import { provisionService } from '@/operations/services/provision-service';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireAdmin, requireBackOffice } from '../guards';
import { AccountType } from '../types/account';
import {
  AuditEventConnectionType, AuditTrailFilterInput, CancellationConnectionType, CreateAccountInput, CreateAccountPayload,
  ProvisionServiceInput, ProvisionServicePayload,
} from '../types/back-office';
import { CreateProductInput, ProductPayload, UpdateProductInput } from '../types/catalog-admin';
import { AccountConnectionType } from '../types/client-tree';
import { toConnection } from '../types/connection';
import { CancellationStatusEnum, CancellationType, ServiceType } from '../types/service';

/** The back office: accounts, provisioning, the catalog, the audit trail and support's cancellations. */
@Resolver()
export class BackOfficeResolver {
  @Query(() => AccountConnectionType, { description: 'Back office: every account by name; search matches part of the name or email.' })
  async accounts(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ) {
    return toConnection(await listClients(context.db, requireBackOffice(context), search, pageArgs(first, after)));
  }

  @Query(() => AuditEventConnectionType, { description: 'Back office: who changed what and when, newest first.' })
  async auditTrail(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => AuditTrailFilterInput, { nullable: true }) filter: AuditTrailFilterInput | null,
  ) {
    return toConnection(await listAuditTrail(context.db, requireAdmin(context), filter ?? {}, pageArgs(first, after)));
  }

  @Query(() => CancellationConnectionType, { description: "Back office: support's list of cancellations (confirmed ones unless status says otherwise), the soonest effective first." })
  async cancellations(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => CancellationStatusEnum, { nullable: true }) status: CancellationStatusEnum | null,
  ) {
    return toConnection(await listCancellations(context.db, requireBackOffice(context), (status ?? 'CONFIRMED') as CancellationStatus, pageArgs(first, after)));
  }

  @Mutation(() => CreateAccountPayload, { description: 'Back office: an account (customer, reseller, or a reseller\'s client) with its login.' })
  async createAccount(@Arg('input', () => CreateAccountInput) input: CreateAccountInput, @Ctx() context: Context): Promise<CreateAccountPayload> {
    const actor = requireAdmin(context);
    const { result, userErrors } = await attempt(() => createAccountWithLogin(context.db, actor, input));
    return { account: result?.account ?? null, userErrors };
  }

  @Mutation(() => ProvisionServicePayload, { description: "Back office: records a service, an existing customer's with its real dates or a new one." })
  async provisionService(@Arg('input', () => ProvisionServiceInput) input: ProvisionServiceInput, @Ctx() context: Context): Promise<ProvisionServicePayload> {
    const actor = requireAdmin(context);
    const { result, userErrors } = await attempt(() => provisionService(context.db, actor, input));
    await context.loaders.catalog.attachProducts([result]);
    return { service: result, userErrors };
  }

  @Mutation(() => ProductPayload, { description: 'Back office: a new product on sale.' })
  async createProduct(@Arg('input', () => CreateProductInput) input: CreateProductInput, @Ctx() context: Context): Promise<ProductPayload> {
    const actor = requireAdmin(context);
    const { result, userErrors } = await attempt(() => createProduct(context.db, actor, input));
    return { product: result, userErrors };
  }

  @Mutation(() => ProductPayload, { description: "Back office: a product's name, prices, features or availability. A new price applies to quotes and renewals from now on." })
  async updateProduct(@Arg('input', () => UpdateProductInput) input: UpdateProductInput, @Ctx() context: Context): Promise<ProductPayload> {
    const actor = requireAdmin(context);
    const { result, userErrors } = await attempt(() => updateProduct(context.db, actor, input));
    return { product: result, userErrors };
  }
}

@Resolver(() => CancellationType)
export class CancellationResolver {
  @FieldResolver(() => ServiceType)
  service(@Root() cancellation: Cancellation, @Ctx() { loaders }: Context) {
    return loaders.serviceInReach.load(cancellation.serviceId);
  }

  @FieldResolver(() => AccountType, { description: "The service's owner." })
  async account(@Root() cancellation: Cancellation, @Ctx() { loaders }: Context) {
    const service = await loaders.serviceInReach.load(cancellation.serviceId);
    return service && loaders.account.load(service.accountId);
  }
}
