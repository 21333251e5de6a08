import { parse } from 'cookie';
import { decode, getToken, type JWT, type JWTDecodeParams } from 'next-auth/jwt';
import { authSecret } from './secret';

/** What a valid session cookie names: the login, and its server-side session (absent from a cookie made before sessions were kept). */
export interface SessionClaim { userId: string; sessionId: string | null }

// A session cookie decoded once: next-auth derives its key (HKDF) and decrypts the cookie on every call, and
// a signed-in visitor sends the same cookie with every request (a portal page decodes it once per operation).
// A remembered claim is used until its expiry, as decoding would (next-auth's 15 s of tolerance included).
const MAX_REMEMBERED = 2000;
const remembered = new Map<string, JWT>();

async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  const key = params.token ?? '';
  const known = remembered.get(key);
  if (known && typeof known.exp === 'number' && known.exp * 1000 + 15_000 > Date.now()) return known;
  remembered.delete(key);
  const claim = await decode(params);
  if (!claim) return null;
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, claim);
  return claim;
}

/** The portal session carried by the request's cookie, if any and validly signed; whether it is still open is the database's to say. */
export async function sessionClaim(request: Request): Promise<SessionClaim | null> {
  const header = request.headers.get('cookie');
  if (!header) return null;
  const cookies = Object.fromEntries(Object.entries(parse(header)).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const token = await getToken({ req: { cookies, headers: {} } as never, secret: authSecret(), decode: decodeRemembered });
  if (typeof token?.sub !== 'string') return null;
  return { userId: token.sub, sessionId: typeof token.sid === 'string' ? token.sid : null };
}
