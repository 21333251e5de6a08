import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

type HeaderValue = string | string[] | undefined;

/** `TRUST_PROXY=on`: a reverse proxy in front of the app appends the client's address to X-Forwarded-For. */
function trustsProxy(): boolean {
  return process.env.TRUST_PROXY === 'on';
}

/**
 * The client's IP address: the last X-Forwarded-For hop. Behind a trusted proxy that is the address
 * the proxy saw; otherwise `guardForwardedFor` has made it the peer's address.
 */
export function clientAddress(headers: Record<string, HeaderValue> | undefined): string {
  const value = headers?.['x-forwarded-for'] ?? headers?.['x-real-ip'];
  const hops = (Array.isArray(value) ? value.join(',') : value ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  return (hops.at(-1) ?? 'unknown').slice(0, 64);
}

/** An IPv4 peer of a dual-stack server reads `::ffff:192.0.2.1`: written as plain IPv4. */
function peerAddress(socket: Socket): string {
  return (socket.remoteAddress ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

function replaceForwardedFor({ request, socket }: { request: IncomingMessage; socket: Socket }): void {
  if (trustsProxy()) return;
  delete request.headers['x-real-ip'];
  request.headers['x-forwarded-for'] = peerAddress(socket);
}

const installed = globalThis as typeof globalThis & { __pannelloForwardedForGuard?: true };

/**
 * Next.js keeps an X-Forwarded-For the client sent and only fills it in with the peer's address when
 * there is none, so without a proxy in front a client could choose the address the login throttle
 * counts. Unless TRUST_PROXY=on, every request of this process has the header replaced by the peer's
 * address as soon as it arrives, before Next.js reads it (Node's `http.server.request.start` channel
 * is published just before the server's request handler runs).
 */
export function guardForwardedFor(): void {
  if (installed.__pannelloForwardedForGuard) return;
  installed.__pannelloForwardedForGuard = true;
  subscribe('http.server.request.start', (message) => replaceForwardedFor(message as { request: IncomingMessage; socket: Socket }));
}
