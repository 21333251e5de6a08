import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { AddressNotAllowedError, isPublicAddress, publicOnlyLookup } from './public-address';

/** What one delivery attempt came to: the answer's status and first kilobyte, or why there was none. */
export interface PostOutcome {
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
}

const EXCERPT_BYTES = 1024;

interface PostOptions { timeoutMs: number; allowPrivate: boolean }

function excerptOf(chunks: Buffer[]): string {
  // PostgreSQL text cannot hold NUL; a cut multi-byte character becomes U+FFFD.
  return Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8').replace(/\0/g, '');
}

/**
 * POSTs `body` as JSON to `url` with `headers`, within `timeoutMs` for the whole exchange. Unless
 * `allowPrivate`, the connection is refused when the address it would reach is not public (an address literal
 * checked here, a name at the moment it is resolved). Never throws: failures are in the outcome.
 */
export function postJson(url: string, headers: Record<string, string>, body: string, options: PostOptions): Promise<PostOutcome> {
  const started = performance.now();
  const outcome = (fields: Omit<PostOutcome, 'durationMs'>): PostOutcome => ({ ...fields, durationMs: Math.round(performance.now() - started) });
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve(outcome({ statusCode: null, responseExcerpt: null, error: 'the endpoint URL is not valid' }));
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivate && isIP(host) && !isPublicAddress(host)) {
      return resolve(outcome({ statusCode: null, responseExcerpt: null, error: new AddressNotAllowedError(host, host).message }));
    }
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), 'user-agent': 'PannelloClienti-Webhooks/1', ...headers },
      timeout: options.timeoutMs,
      ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup as never }),
    }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => resolve(outcome({ statusCode: response.statusCode ?? null, responseExcerpt: excerptOf(chunks), error: null }));
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= EXCERPT_BYTES) {
          response.destroy();
          finish();
        }
      });
      response.on('end', finish);
      response.on('error', finish);
    });
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    request.on('close', () => clearTimeout(deadline));
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)));
    request.on('error', (error) => resolve(outcome({ statusCode: null, responseExcerpt: null, error: error.message.slice(0, 1000) })));
    request.end(body);
  });
}
