import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Account, Service } from '@/entities';
import { findClient } from '@/operations/clients/find-client';
import { listClients } from '@/operations/clients/list-clients';
import { pageArgs } from '@/operations/pagination';
import type { Context } from '../context';
import { requireActor, requireResellerOrAdmin } from '../guards';
import { AccountType } from '../types/account';
import { AccountConnectionType, DomainType } from '../types/client-tree';
import { toConnection } from '../types/connection';
import { ServiceType } from '../types/service';

function byDomain(services: Service[]): { name: string; services: Service[] }[] {
  const domains = new Map<string, Service[]>();
  for (const service of services) {
    const attached = domains.get(service.domain);
    if (attached) attached.push(service);
    else domains.set(service.domain, [service]);
  }
  return [...domains].map(([name, attached]) => ({ name, services: attached }));
}

/** The client tree: a reseller's clients → their services → their domains. */
@Resolver(() => AccountType)
export class ClientTreeResolver {
  @Query(() => AccountConnectionType, { description: "A reseller's client accounts by name, each with its services and domains; for the back office, every account. search matches part of the name or email." })
  async clients(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ) {
    return toConnection(await listClients(context.db, requireResellerOrAdmin(context), search, pageArgs(first, after)));
  }

  @Query(() => AccountType, { nullable: true, description: "One of a reseller's clients (any account for the back office); null for anyone else's." })
  client(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    return findClient(context.db, requireActor(context), id);
  }

  @FieldResolver(() => [ServiceType], { description: "The account's services by domain, when the viewer may see them (otherwise none)." })
  services(@Root() account: Account, @Ctx() { loaders }: Context) {
    return loaders.servicesOfAccount.load(account.id);
  }

  @FieldResolver(() => [DomainType], { description: "The account's domains by name, each with the services attached to it." })
  async domains(@Root() account: Account, @Ctx() { loaders }: Context) {
    return byDomain(await loaders.servicesOfAccount.load(account.id));
  }
}
