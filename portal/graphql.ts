import { cookies, headers } from 'next/headers';
import { handleGraphQLRequest } from '@/graphql/http';

export interface PortalResult<T> { data: T | null; errors?: { message: string; extensions?: { code?: string } }[] }

/**
 * Runs a GraphQL operation for a server-rendered page, as the visitor (their session cookie),
 * through the same handler that serves /api/graphql.
 */
export async function portalQuery<T>(query: string, variables: Record<string, unknown> = {}): Promise<PortalResult<T>> {
  const [cookieStore, incoming] = await Promise.all([cookies(), headers()]);
  const request = new Request('http://portal.internal/api/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: cookieStore.toString(),
      'accept-language': incoming.get('x-portal-locale') ?? cookieStore.get('locale')?.value ?? 'it',
    },
    body: JSON.stringify({ query, variables }),
  });
  const response = await handleGraphQLRequest(request);
  return response.json() as Promise<PortalResult<T>>;
}
