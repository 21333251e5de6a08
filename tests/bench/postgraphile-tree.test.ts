import type { Reply } from '@/bench/http-client';
import { assertSameAsPortal } from '@/bench/peer/postgraphile-tree';

const reply = (body: object): Reply => ({ status: 200, body: JSON.stringify(body), cookies: [] });

const service = (id: string, domain: string, code: string) => ({ rowId: id, status: 'ACTIVE', expiresOn: '2027-01-01', domain, productByProductId: { code } });
const peer = (services: ReturnType<typeof service>[], hasNextPage = false) => reply({
  data: { allAccounts: { edges: [{ node: { rowId: 'c1', name: 'Cliente', email: 'c@example.test', servicesByAccountId: { nodes: services } } }], pageInfo: { hasNextPage } } },
});
const portal = reply({
  data: {
    clients: {
      edges: [{
        cursor: 'portal-cursor',
        node: {
          id: 'c1', name: 'Cliente', email: 'c@example.test',
          domains: [
            { name: 'a.it', services: [{ id: 's1', status: 'ACTIVE', expiresOn: '2027-01-01', product: { code: 'HVPARK' } }, { id: 's2', status: 'ACTIVE', expiresOn: '2027-01-01', product: { code: 'PEC-STD' } }] },
            { name: 'b.it', services: [{ id: 's3', status: 'ACTIVE', expiresOn: '2027-01-01', product: { code: 'BUSINESS' } }] },
          ],
        },
      }],
      pageInfo: { hasNextPage: false, endCursor: 'portal-cursor' },
    },
  },
});

describe("the benchmark's check of PostGraphile's tree page", () => {
  it("accepts the same clients, domains, services and products in the same order, whatever the cursors", () => {
    expect(() => assertSameAsPortal(peer([service('s1', 'a.it', 'HVPARK'), service('s2', 'a.it', 'PEC-STD'), service('s3', 'b.it', 'BUSINESS')]), portal)).not.toThrow();
  });

  it('refuses another order, another product, a missing service or another next page', () => {
    expect(() => assertSameAsPortal(peer([service('s2', 'a.it', 'PEC-STD'), service('s1', 'a.it', 'HVPARK'), service('s3', 'b.it', 'BUSINESS')]), portal)).toThrow(/same tree/);
    expect(() => assertSameAsPortal(peer([service('s1', 'a.it', 'HVPARK'), service('s2', 'a.it', 'PEC-STD'), service('s3', 'b.it', 'EASY')]), portal)).toThrow(/same tree/);
    expect(() => assertSameAsPortal(peer([service('s1', 'a.it', 'HVPARK'), service('s3', 'b.it', 'BUSINESS')]), portal)).toThrow(/same tree/);
    expect(() => assertSameAsPortal(peer([service('s1', 'a.it', 'HVPARK'), service('s2', 'a.it', 'PEC-STD'), service('s3', 'b.it', 'BUSINESS')], true), portal)).toThrow(/same tree/);
  });
});
