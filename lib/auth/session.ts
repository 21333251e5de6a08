import { parse } from 'cookie';
import { getToken } from 'next-auth/jwt';
import { authSecret } from './secret';

/** The user id of the portal session carried by the request's cookie, if any and valid. */
export async function sessionUserId(request: Request): Promise<string | null> {
  const header = request.headers.get('cookie');
  if (!header) return null;
  const cookies = Object.fromEntries(Object.entries(parse(header)).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const token = await getToken({ req: { cookies, headers: {} } as never, secret: authSecret() });
  return typeof token?.sub === 'string' ? token.sub : null;
}
