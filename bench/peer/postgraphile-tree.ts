import { isDeepStrictEqual } from 'node:util';
import { send, type Reply } from '../http-client';
import type { Caller } from '../tokens';

/**
 * The closest PostGraphile query to the portal's tree page (bench/tree.ts's TREE_QUERY): a reseller's first
 * 50 clients in the same order, each with its services and their products. PostGraphile has no domains, so
 * the services come ordered by domain (as the portal groups them) and are grouped by the comparison below.
 * It has no API tokens either: the reseller is a variable, so the peer skips the token lookup the other two
 * routes make (one statement fewer, in its favour).
 */
const PEER_TREE_QUERY = `query Tree($reseller: UUID!) {
  allAccounts(condition: { resellerId: $reseller }, first: 50, orderBy: [NAME_ASC, ROW_ID_ASC]) {
    edges { node { rowId name email servicesByAccountId(orderBy: [DOMAIN_ASC, CREATED_AT_ASC, ROW_ID_ASC]) { nodes { rowId status expiresOn domain productByProductId { code } } } } }
    pageInfo { hasNextPage }
  } }`;

export const postgraphileTreePage = (url: string, caller: Caller): Promise<Reply> => send(`${url}/graphql`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: PEER_TREE_QUERY, variables: { reseller: caller.actor.accountId } }),
});

interface PeerService { rowId: string; status: string; expiresOn: string; domain: string; productByProductId: { code: string } }
interface PeerClient { rowId: string; name: string; email: string; servicesByAccountId: { nodes: PeerService[] } }
interface PeerTree { data: { allAccounts: { edges: { node: PeerClient }[]; pageInfo: { hasNextPage: boolean } } } }
interface PortalTree {
  data: { clients: { edges: { node: { id: string; name: string; email: string; domains: { name: string; services: object[] }[] } }[]; pageInfo: { hasNextPage: boolean } } };
}

/** The peer's page in the portal's shape (cursors aside: each engine encodes its own). */
function asPortalTree(peer: PeerTree) {
  const { edges, pageInfo } = peer.data.allAccounts;
  return {
    hasNextPage: pageInfo.hasNextPage,
    clients: edges.map(({ node }) => {
      const domains: { name: string; services: object[] }[] = [];
      for (const s of node.servicesByAccountId.nodes) {
        if (domains.at(-1)?.name !== s.domain) domains.push({ name: s.domain, services: [] });
        domains.at(-1)!.services.push({ id: s.rowId, status: s.status, expiresOn: s.expiresOn, product: { code: s.productByProductId.code } });
      }
      return { id: node.rowId, name: node.name, email: node.email, domains };
    }),
  };
}

function withoutCursors(portal: PortalTree) {
  const { edges, pageInfo } = portal.data.clients;
  return { hasNextPage: pageInfo.hasNextPage, clients: edges.map(({ node }) => node) };
}

/** PostGraphile's page holds the same clients, domains, services and products, in the same order, as the portal's. */
export function assertSameAsPortal(peerReply: Reply, portalReply: Reply): void {
  if (!isDeepStrictEqual(asPortalTree(JSON.parse(peerReply.body)), withoutCursors(JSON.parse(portalReply.body)))) {
    throw new Error(`PostGraphile does not answer the same tree as the portal: ${peerReply.body.slice(0, 300)}`);
  }
}
