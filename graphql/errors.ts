import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { logger } from '@/lib/observability/logger';
import { currentRequest } from '@/lib/observability/request-context';
import { ForbiddenError, UserInputError } from '@/operations/errors';
import type { UserErrorType } from './types/user-error';

// Codes whose messages are written for the caller; anything else is reported without detail.
const CALLER_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'BAD_REQUEST', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED',
]);
/**
 * What a refusal may add for the caller to act on: why in a word (`reason`: SECOND_FACTOR_REQUIRED, SCOPE…),
 * the API token's missing scope, its last day.
 */
const CALLER_DETAILS = ['reason', 'requiredScope', 'expiredOn'];

/** The id of the request being served, for an error's extensions: what support asks for to find its log lines. */
export function requestIdExtension(): { requestId?: string } {
  const request = currentRequest();
  return request ? { requestId: request.id } : {};
}

/** Never a stack trace, never an internal message: a UserInputError becomes BAD_USER_INPUT, the unexpected an opaque 500. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof UserInputError) {
    return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT', problems: original.problems, ...requestIdExtension() } };
  }
  if (original instanceof ForbiddenError) return { ...base, message: original.message, extensions: { code: 'FORBIDDEN', ...requestIdExtension() } };
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CALLER_CODES.has(code)) {
    const details = CALLER_DETAILS.filter((key) => typeof formatted.extensions?.[key] === 'string').map((key) => [key, formatted.extensions![key]]);
    return { ...base, message: formatted.message, extensions: { code, ...Object.fromEntries(details), ...requestIdExtension() } };
  }
  logger().error({ err: original }, 'GraphQL request failed');
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', ...requestIdExtension() } };
}

/** Runs a mutation's operation; problems the caller can fix come back as `userErrors` instead of a thrown error. */
export async function attempt<T>(run: () => Promise<T>): Promise<{ result: T | null; userErrors: UserErrorType[] }> {
  try {
    return { result: await run(), userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputError) return { result: null, userErrors: error.problems };
    throw error;
  }
}
