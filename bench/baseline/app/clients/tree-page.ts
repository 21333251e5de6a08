import type pg from 'pg';
import { ownerOf, unauthenticated } from '../owner';

interface Domain { name: string; services: object[] }
interface ServiceRow { id: string; account_id: string; domain: string; status: string; expires_on: string; code: string }

/**
 * The benchmark's baseline: the first page of a reseller's client tree, the same JSON as the GraphQL
 * query `clients(first: 50) { … domains { name services { … } } }` (bench/tree.ts's TREE_QUERY),
 * produced with hand-written SQL on a plain connection pool, as prepared statements.
 */
export async function rawTreePage(pool: pg.Pool, request: Request): Promise<Response> {
  const owner = await ownerOf(pool, request);
  if (!owner) return unauthenticated();
  const clients = await pool.query<{ id: string; name: string; email: string }>({
    name: 'bench-clients', text: `SELECT id, name, email FROM accounts WHERE reseller_id = $1 ORDER BY name, id LIMIT 51`, values: [owner.accountId],
  });
  const page = clients.rows.slice(0, 50);
  const services = await pool.query<ServiceRow>({
    name: 'bench-services',
    text: `SELECT s.id, s.account_id, s.domain, s.status, to_char(s.expires_on, 'YYYY-MM-DD') AS expires_on, p.code
     FROM services s JOIN products p ON p.id = s.product_id
     WHERE s.account_id = ANY($1::uuid[]) ORDER BY s.account_id, s.domain, s.created_at, s.id`,
    values: [page.map((c) => c.id)],
  });
  const cursor = (c: { name: string; id: string }) => Buffer.from(JSON.stringify([c.name, c.id])).toString('base64url');
  // The rows come by account, then by domain: each account and each of its domains is one run of rows.
  const domainsOf = new Map<string, Domain[]>();
  let domains: Domain[] = [];
  let accountId: string | null = null;
  for (const s of services.rows) {
    if (s.account_id !== accountId) domainsOf.set(accountId = s.account_id, domains = []);
    if (domains.at(-1)?.name !== s.domain) domains.push({ name: s.domain, services: [] });
    domains.at(-1)!.services.push({ id: s.id, status: s.status, expiresOn: s.expires_on, product: { code: s.code } });
  }
  const edges = page.map((client) => ({
    cursor: cursor(client),
    node: { id: client.id, name: client.name, email: client.email, domains: domainsOf.get(client.id) ?? [] },
  }));
  return Response.json({ data: { clients: { edges, pageInfo: { hasNextPage: clients.rows.length > 50, endCursor: edges.at(-1)?.cursor ?? null } } } });
}
