import { request as httpRequest } from 'node:http';
import { NextRequest } from 'next/server';
import { POST as nextAuthPost } from '@/app/api/auth/[...nextauth]/route';
import { POST as bodyTooLarge } from '@/app/api/body-too-large/route';
import { MAX_BODY_BYTES } from '@/lib/http/body-limit';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';

useTestDatabase();
const api = useGraphQLServer();

const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

/**
 * POSTs a body of `total` bytes, 64 KB at a time, stopping as soon as the answer arrives. `declared`:
 * with its Content-Length, and only the first 64 KB are sent, the rest withheld until the answer
 * (which must not wait for it); `chunked`: no length declared. Returns the status and how much was sent.
 */
function upload(path: string, total: number, framing: 'declared' | 'chunked'): Promise<{ status: number; sent: number }> {
  const { port } = new URL(api.url());
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers = { 'content-type': 'application/json', ...(framing === 'declared' ? { 'content-length': String(total) } : {}) };
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (response) => {
      answered = true;
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode!, sent }));
      req.destroy();
    });
    req.on('error', (error) => { if (!answered) reject(error); });
    const writeMore = () => {
      while (!answered && sent < (framing === 'declared' ? CHUNK.length : total)) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once('drain', writeMore);
      }
      if (!answered && framing === 'chunked') req.end();
    };
    writeMore();
  });
}

describe('request bodies', () => {
  it(`are refused over ${MAX_BODY_BYTES} bytes with 413, on the declared length, before the body is read`, async () => {
    for (const path of ['/api/graphql', '/api/stripe/webhook']) {
      expect(await upload(path, 20 * MB, 'declared')).toEqual({ status: 413, sent: 64 * 1024 });
    }
  });

  it('are refused with 413 once a chunked body passes the limit, without reading the rest', async () => {
    for (const path of ['/api/graphql', '/api/stripe/webhook']) {
      const { status, sent } = await upload(path, 20 * MB, 'chunked');
      expect(status).toBe(413);
      expect(sent).toBeLessThan(4 * MB);
    }
  });

  it('answers the refusal as JSON', async () => {
    const response = await api.raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(MAX_BODY_BYTES) } }) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: `The request body is larger than ${MAX_BODY_BYTES} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('are read as usual up to the limit', async () => {
    const body = JSON.stringify({ query: '{ catalog { __typename } }', variables: { pad: 'x'.repeat(MAX_BODY_BYTES - 100) } });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const response = await api.raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ catalog: { __typename: 'Catalog' } });
  });

  it("over the limit by their declared length are sent to the 413 route by next.config.js, whatever their route but the tickets' upload (its own limit)", async () => {
    const nextConfig = require('../../next.config.js');
    const [rule] = (await nextConfig.rewrites()).beforeFiles;
    expect(rule).toMatchObject({ source: '/:path((?!api/tickets/attachments$).*)', destination: '/api/body-too-large', has: [{ type: 'header', key: 'content-length' }] });
    const over = new RegExp(`^${rule.has[0].value}$`);
    const wrong: number[] = [];
    for (let length = 0; length <= 2.2 * MB; length += 1) if (over.test(String(length)) !== length > MAX_BODY_BYTES) wrong.push(length);
    for (let length = 1; length < 1e15; length *= 7) if (!over.test(String(length)) !== length <= MAX_BODY_BYTES) wrong.push(length);
    expect(wrong).toEqual([]);
    expect(over.test('abc')).toBe(false);
    expect((await bodyTooLarge()).status).toBe(413);
  });

  it("are refused at next-auth's routes too (the login form's POST)", async () => {
    const request = new NextRequest('http://localhost:3000/api/auth/callback/credentials', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `password=${'x'.repeat(2 * MB)}`,
    });
    const response = await nextAuthPost(request, { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) });
    expect(response.status).toBe(413);
  });
});
