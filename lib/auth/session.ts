import { parse } from 'cookie';
import { getToken } from 'next-auth/jwt';
import { authSecret } from './secret';

/** What a valid session cookie names: the login, and its server-side session (absent from a cookie made before sessions were kept). */
export interface SessionClaim { userId: string; sessionId: string | null }

/** The portal session carried by the request's cookie, if any and validly signed; whether it is still open is the database's to say. */
export async function sessionClaim(request: Request): Promise<SessionClaim | null> {
  const header = request.headers.get('cookie');
  if (!header) return null;
  const cookies = Object.fromEntries(Object.entries(parse(header)).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const token = await getToken({ req: { cookies, headers: {} } as never, secret: authSecret() });
  if (typeof token?.sub !== 'string') return null;
  return { userId: token.sub, sessionId: typeof token.sid === 'string' ? token.sid : null };
}
