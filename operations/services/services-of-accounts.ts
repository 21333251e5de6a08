import type { DataSource } from 'typeorm';
import { Service, type Account } from '@/entities';
import { selectEntities, selectingOnly } from '@/lib/db/select-entities';
import type { Actor } from '../actor';
import type { RequestCatalog } from '../catalog/request-catalog';
import { groupedByKey } from '../loading';
import { wereReadWithinReach, withinReach } from '../scope';

/**
 * The services of accounts, for one request's actor: by domain, then as provisioned, with their
 * products; an account out of the actor's reach has none.
 */
export class ServicesOfAccounts {
  private readonly withPage = new WeakMap<Account, Service[]>();

  constructor(private readonly db: DataSource, private readonly actor: Actor | null, private readonly catalog: RequestCatalog) {}

  /** The whole services of each account (a batch of lookups). */
  load(accountIds: readonly string[]): Promise<Service[][]> {
    return this.select(accountIds, null, false);
  }

  /**
   * Loads the services of a page of accounts in one query, with only `properties` (null: all), and
   * keeps them for those account objects alone: the same account reached elsewhere in the request has
   * its services loaded whole. A page read within the actor's reach (`listClients`) is not checked again.
   */
  async loadWithPage(accounts: readonly Account[], properties: string[] | null): Promise<void> {
    if (!accounts.length) return;
    const reached = this.actor !== null && wereReadWithinReach(this.actor, accounts);
    const services = await this.select(accounts.map((account) => account.id), properties, reached);
    accounts.forEach((account, i) => this.withPage.set(account, services[i]));
  }

  /** The account's services when they were loaded with its page. */
  loadedWithPage(account: Account): Service[] | undefined {
    return this.withPage.get(account);
  }

  private async select(accountIds: readonly string[], properties: string[] | null, reached: boolean): Promise<Service[][]> {
    const { actor, catalog } = this;
    if (!actor) return accountIds.map(() => []);
    const query = selectingOnly(this.db.getRepository(Service).createQueryBuilder('service'), properties)
      .where('service.accountId = ANY(:accountIds)', { accountIds: [...accountIds] })
      // By account, then by domain: the services of one account come in one run, its domains in runs too.
      .orderBy('service.accountId').addOrderBy('service.domain').addOrderBy('service.createdAt').addOrderBy('service.id');
    // The catalog is read (when this process's copy is stale) while the services are.
    const [services] = await Promise.all([selectEntities(reached ? query : withinReach(query, 'service.accountId', actor), { prepared: true }), catalog.load()]);
    await catalog.attachProducts(services);
    return groupedByKey(accountIds, services, (s) => s.accountId);
  }
}
