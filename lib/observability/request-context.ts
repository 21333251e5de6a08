import { AsyncLocalStorage } from 'node:async_hooks';

/** What the request log knows about the request being served; the handlers fill in what they learn. */
export interface RequestContext {
  id: string;
  method: string;
  /** The path without its query string (which may carry a password-reset token). */
  path: string;
  operationName?: string | null;
  actorId?: string | null;
}

// On globalThis: Next.js bundles instrumentation and each route apart, and they must share the one store.
const holder = globalThis as typeof globalThis & { __pannelloRequests?: AsyncLocalStorage<RequestContext> };

export const requestStore: AsyncLocalStorage<RequestContext> = (holder.__pannelloRequests ??= new AsyncLocalStorage<RequestContext>());

/** The request whose work is running, if any. */
export function currentRequest(): RequestContext | undefined {
  return requestStore.getStore();
}
