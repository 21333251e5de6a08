import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { payloadTooLarge, readTextWithinLimit } from '@/lib/http/body-limit';
import { isSameOrigin } from '@/lib/http/same-origin';
import { compiledGateway } from './compiled-executor';
import { createGraphQLContext, type Context } from './context';
import { formatError, requestIdExtension } from './errors';
import { accessControl } from './access';
import { LIMITS, QUERY_RULES } from './limits';
import { observeOperations } from './observability';
import { appSchema } from './schema';

const cache = globalThis as typeof globalThis & { __pannelloApollo?: { schema: GraphQLSchema; server: Promise<ApolloServer<Context>> } };

function apolloServer(): Promise<ApolloServer<Context>> {
  const schema = appSchema();
  if (cache.__pannelloApollo?.schema === schema) return cache.__pannelloApollo.server;
  const server = new ApolloServer<Context>({
    gateway: compiledGateway(schema),
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Apollo would stop itself at the first SIGTERM and fail every request while the instance drains (lib/shutdown.ts).
    stopOnTerminationSignals: false,
    // Decided per request by accessControl(): the back office always, everyone outside production.
    introspection: true,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: QUERY_RULES,
    // No HTTP cache hints are used: without the cache-control plugin Apollo does not wrap every field's resolver.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), accessControl(), observeOperations()],
  });
  const started = server.start().then(() => server);
  cache.__pannelloApollo = { schema, server: started };
  return started;
}

function jsonError(status: number, message: string, extra: Record<string, string> = {}): Response {
  return Response.json({ errors: [{ message, extensions: { code: 'BAD_REQUEST', ...requestIdExtension() } }] }, { status, headers: extra });
}

function toResponse(result: HTTPGraphQLResponse): Response {
  const headers = new Headers();
  for (const [name, value] of result.headers) headers.set(name, value);
  if (result.body.kind === 'complete') {
    // Encoded once, here: its length spares HTTP/1.1 the chunked framing (one write fewer per
    // response), and the Response does not encode the text again.
    const bytes = Buffer.from(result.body.string);
    headers.set('content-length', String(bytes.length));
    return new Response(bytes, { status: result.status ?? 200, headers });
  }
  const chunks = result.body.asyncIterator;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new TextEncoder().encode(next.value));
    },
  });
  return new Response(stream, { status: result.status ?? 200, headers });
}

/**
 * GraphQL over HTTP at /api/graphql. The body is read here so that a malformed JSON body or an
 * unsupported content type is a JSON 400, never a 500, and one over the size limit a 413; the rest is Apollo's.
 */
export async function handleGraphQLRequest(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'POST') {
    return jsonError(405, 'Use GET or POST', { allow: 'GET, POST' });
  }
  const headers = new HeaderMap();
  request.headers.forEach((value, name) => headers.set(name, value));
  let body: unknown;
  if (request.method === 'POST') {
    if (request.headers.has('cookie') && !request.headers.has('authorization') && !isSameOrigin(request)) {
      return Response.json({ errors: [{ message: 'A request signed in with the portal session must come from the portal itself', extensions: { code: 'FORBIDDEN', ...requestIdExtension() } }] }, { status: 403 });
    }
    const mediaType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType !== 'application/json') return jsonError(400, 'A POST body must be JSON, sent as Content-Type: application/json');
    const text = await readTextWithinLimit(request);
    if (text === null) return payloadTooLarge();
    try {
      body = JSON.parse(text);
    } catch {
      return jsonError(400, 'The request body is not valid JSON');
    }
    headers.set('content-type', 'application/json');
  } else {
    headers.delete('content-type');
  }
  const server = await apolloServer();
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method, headers, search: new URL(request.url).search, body },
    context: () => createGraphQLContext(request),
  });
  return toResponse(result);
}
