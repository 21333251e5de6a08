/**
 * The largest request body any route reads: 1 MB (1,048,576 bytes), the limit Next.js applies to
 * server actions (`serverActions.bodySizeLimit` in next.config.js says so explicitly); the tickets'
 * attachments' upload alone has its own (app/api/tickets/attachments).
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The answer to a body over the limit. `Connection: close` makes the server stop reading the rest
 * of it rather than receive and discard it to keep the connection.
 */
export function payloadTooLarge(limit = MAX_BODY_BYTES): Response {
  return Response.json(
    { errors: [{ message: `The request body is larger than ${limit} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    { status: 413, headers: { connection: 'close' } },
  );
}

/**
 * The request's body, or null when it is over the limit: a declared Content-Length over it is refused
 * before anything is read, and a body without one (chunked) as soon as the bytes read pass it.
 */
export async function readBodyWithinLimit(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}

/** The body as text (UTF-8, as `Request.text()` reads it), or null when it is over the limit. */
export async function readTextWithinLimit(request: Request): Promise<string | null> {
  const body = await readBodyWithinLimit(request);
  return body && new TextDecoder().decode(body);
}
