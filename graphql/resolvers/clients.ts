import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { Account, Service } from '@/entities';
import { memoPerObject } from '@/lib/memo';
import { createClient } from '@/operations/clients/create-client';
import { findClient } from '@/operations/clients/find-client';
import { listClients } from '@/operations/clients/list-clients';
import { columnProperties } from '@/operations/loading';
import { pageArgs } from '@/operations/pagination';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor, requireResellerOrAdmin } from '../guards';
import { propertiesFor, Reads, selectedAt } from '../selection';
import { AccountType } from '../types/account';
import { AccountConnectionType, DomainType } from '../types/client-tree';
import { CreateClientInput, CreateClientPayload } from '../types/create-client';
import { toConnection } from '../types/connection';
import { ServiceType } from '../types/service';

interface Domain { name: string; services: Service[] }

/** Services in domain order (as the loaders return them) grouped into their domains, in that order. */
function byDomain(services: Service[]): Domain[] {
  const domains: Domain[] = [];
  let current: Domain | undefined;
  for (const service of services) {
    if (current?.name !== service.domain) domains.push(current = { name: service.domain, services: [] });
    current.services.push(service);
  }
  return domains;
}

function byDomainOf(services: Service[] | Promise<Service[]>) {
  return Array.isArray(services) ? byDomain(services) : services.then(byDomain);
}

interface TreeColumns { accounts: string[] | null; services: string[] | null; withServices: boolean }

const treeColumnsOf = memoPerObject<FieldNode, DataSource, TreeColumns>();

/**
 * The columns a page of the tree reads, from the query's fields: the accounts' and, when their
 * services or domains are asked for, the services' (loaded with the page, in one query). They depend
 * on the parsed document only (directives are not looked at), so they are worked out once per document.
 */
function treeColumns(info: GraphQLResolveInfo, db: DataSource): TreeColumns {
  return treeColumnsOf(info.fieldNodes[0], db, () => columnsOfTree(info, db));
}

function columnsOfTree(info: GraphQLResolveInfo, db: DataSource): TreeColumns {
  const type = (name: string) => info.schema.getType(name) as GraphQLObjectType;
  const accountFields = selectedAt(info, ['edges', 'node']);
  const serviceFields = [...selectedAt(info, ['edges', 'node', 'services']), ...selectedAt(info, ['edges', 'node', 'domains', 'services'])];
  return {
    accounts: propertiesFor(type('Account'), columnProperties(db, Account), accountFields, []),
    services: propertiesFor(type('Service'), columnProperties(db, Service), serviceFields, ['id', 'accountId', 'domain']),
    withServices: accountFields.some((field) => field.name.value === 'services' || field.name.value === 'domains'),
  };
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
    @Info() info: GraphQLResolveInfo,
  ) {
    const actor = requireResellerOrAdmin(context);
    const columns = treeColumns(info, context.db);
    const page = await listClients(context.db, actor, search, pageArgs(first, after), columns.accounts);
    if (columns.withServices) await context.loaders.prefetchServices(page.rows, columns.services);
    return toConnection(page);
  }

  @Query(() => AccountType, { nullable: true, description: "One of a reseller's clients (any account for the back office); null for anyone else's." })
  client(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    return findClient(context.db, requireActor(context), id);
  }

  @Mutation(() => CreateClientPayload, { description: "A reseller's new client: the account with its billing data, and an email inviting its owner to choose a password." })
  async createClient(@Arg('input', () => CreateClientInput) input: CreateClientInput, @Ctx() context: Context): Promise<CreateClientPayload> {
    const { result, userErrors } = await attempt(() => createClient(context.db, requireActor(context), input));
    return { client: result, userErrors };
  }

  @FieldResolver(() => [ServiceType], { description: "The account's services by domain, when the viewer may see them (otherwise none)." })
  @Reads('id')
  services(@Root() account: Account, @Ctx() { loaders }: Context) {
    return loaders.servicesOf(account);
  }

  @FieldResolver(() => [DomainType], { description: "The account's domains by name, each with the services attached to it." })
  @Reads('id')
  domains(@Root() account: Account, @Ctx() { loaders }: Context) {
    return byDomainOf(loaders.servicesOf(account));
  }
}
