import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received { path: string; headers: IncomingHttpHeaders; body: string; json: { type: string; timestamp: string; data: Record<string, any> } }

/**
 * A local HTTP server standing for an integrator's endpoint: it keeps every request and answers with the next
 * status of `answers` (then 200), so a test can make it fail first.
 */
export function useReceiver() {
  let server: Server;
  let port = 0;
  const received: Received[] = [];
  const answers: number[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ path: request.url ?? '/', headers: request.headers, body, json: JSON.parse(body) });
        const status = answers.shift() ?? 200;
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok thanks' : 'receiver is down');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    url: (path = '/hooks', host = '127.0.0.1') => `http://${host}:${port}${path}`,
    received,
    /** The receiver answers these statuses to the next requests, in order. */
    answer: (...statuses: number[]) => answers.push(...statuses),
    /** What reached `path`. */
    at: (path: string) => received.filter((r) => r.path === path),
    clear: () => received.splice(0),
  };
}

/** Waits until `check` holds, or fails after `ms`. */
export async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
