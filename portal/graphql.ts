import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { UserErrorCode } from '@/domain/user-error-codes';
import { handleGraphQLRequest } from '@/graphql/http';
import { LOCALE_COOKIE } from './i18n';

export interface UserError { field: string | null; code: UserErrorCode; message: string }
/** A GraphQL error; a query's BAD_USER_INPUT carries its user errors as `problems`. */
export interface PortalError { message: string; extensions?: { code?: string; problems?: UserError[] } }
export interface PortalResult<T> { data: T | null; errors?: PortalError[] }

/**
 * Runs a GraphQL operation for a page or a form action, as the visitor (their session cookie),
 * through the same handler that serves /api/graphql; values are formatted in the portal's language.
 */
export async function portalQuery<T>(query: string, variables: Record<string, unknown> = {}): Promise<PortalResult<T>> {
  const cookieStore = await cookies();
  const request = new Request('http://portal.internal/api/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: cookieStore.toString(),
      'accept-language': cookieStore.get(LOCALE_COOKIE)?.value === 'en' ? 'en' : 'it',
    },
    body: JSON.stringify({ query, variables }),
  });
  const response = await handleGraphQLRequest(request);
  return response.json() as Promise<PortalResult<T>>;
}

/** The result of an operation the visitor must be signed in for (to the login page otherwise), errors included. */
export async function signedInResult<T>(query: string, variables: Record<string, unknown> = {}): Promise<PortalResult<T>> {
  const result = await portalQuery<T>(query, variables);
  if (result.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) redirect('/login');
  return result;
}

/** The data of an operation the visitor must be signed in for; any error is the page's error. */
export async function signedInQuery<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { data, errors } = await signedInResult<T>(query, variables);
  if (!data || errors?.length) throw new Error(errors?.map((e) => e.message).join('; ') ?? 'no data');
  return data;
}
