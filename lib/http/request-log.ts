import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { logger } from '@/lib/observability/logger';
import { metrics } from '@/lib/observability/metrics';
import { requestStore, type RequestContext } from '@/lib/observability/request-context';
import { routeOf } from './routes';

interface Served {
  servers: Set<Server>;
  inFlight: number;
  /** Resolved when no request is in flight any more. */
  drained: (() => void)[];
  /** Set when the instance is stopping: responses then close their connection. */
  closing: boolean;
  observing: boolean;
}

const holder = globalThis as typeof globalThis & { __pannelloServed?: Served };

function served(): Served {
  return (holder.__pannelloServed ??= { servers: new Set(), inFlight: 0, drained: [], closing: false, observing: false });
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** A caller's X-Request-Id is kept when it is a plain token; anything else is replaced. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;
/** Polled by load balancers and serving immutable assets: logged at debug level only. */
const QUIET = /^\/(api\/health\/|_next\/static\/)/;
/** Paths that are themselves a secret (a calendar feed's address): logged as their route. */
const SECRET_PATH = /^\/api\/calendar\//;

interface StartMessage { request: IncomingMessage; response: ServerResponse; server: Server }

function onRequestStart(message: unknown): void {
  const { request, response, server } = message as StartMessage;
  const state = served();
  state.servers.add(server);
  state.inFlight += 1;
  const started = performance.now();
  const header = request.headers['x-request-id'];
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const context: RequestContext = {
    id: typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID(),
    method: METHODS.has(request.method ?? '') ? request.method! : 'OTHER',
    path: query < 0 ? url : url.slice(0, query),
  };
  if (SECRET_PATH.test(context.path)) context.path = routeOf(context.path);
  response.setHeader('x-request-id', context.id);
  if (state.closing) response.setHeader('connection', 'close');
  // Everything the handler starts from here runs in this request's context: its log lines carry the id.
  requestStore.enterWith(context);
  response.once('close', () => {
    const seconds = (performance.now() - started) / 1000;
    const route = routeOf(context.path);
    const status = response.writableFinished ? response.statusCode : 499;
    metrics().httpDuration.observe({ method: context.method, route, status: String(status) }, seconds);
    const line = {
      requestId: context.id, method: context.method, route, path: context.path, status, durationMs: Math.round(seconds * 10_000) / 10,
      ...(context.operationName !== undefined && { operationName: context.operationName }),
      ...(context.actorId !== undefined && { actorId: context.actorId }),
    };
    if (QUIET.test(context.path)) logger().debug(line, 'request');
    else if (status >= 500) logger().error(line, 'request');
    else logger().info(line, 'request');
    state.inFlight -= 1;
    if (state.inFlight === 0) state.drained.splice(0).forEach((resolve) => resolve());
  });
}

/**
 * Watches every HTTP request this process serves, whoever serves it (Next.js's server, the tests'):
 * gives it a request id (X-Request-Id, taken from the caller or made) that every log line it causes
 * carries, writes one log line when it is answered, measures its duration, and counts the requests
 * in flight for a graceful shutdown. Through Node's diagnostics channels: no wrapper around handlers.
 */
export function observeHttpRequests(): void {
  const state = served();
  if (state.observing) return;
  state.observing = true;
  diagnostics.subscribe('http.server.request.start', onRequestStart);
}

/** Stops observing (a test file's server closing: the channel is the process's, shared by every file a test worker runs). */
export function stopObservingHttpRequests(): void {
  served().observing = false;
  diagnostics.unsubscribe('http.server.request.start', onRequestStart);
}

/** Stops accepting connections: responses close theirs, idle ones are closed, the listeners too. */
export function stopAccepting(): void {
  const state = served();
  state.closing = true;
  for (const server of state.servers) {
    server.close();
    server.closeIdleConnections();
  }
}

/** Marks responses from now on as the last on their connection, so clients move away before the server closes. */
export function closeConnectionsAfterResponses(): void {
  served().closing = true;
}

/** Resolves once no request is in flight. */
export function requestsFinished(): Promise<void> {
  const state = served();
  return state.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => state.drained.push(resolve));
}

/** Closes what is left open (idle keep-alive connections, or requests past the time limit). */
export function closeIdleAndRemainingConnections(): void {
  for (const server of served().servers) server.closeAllConnections();
}
