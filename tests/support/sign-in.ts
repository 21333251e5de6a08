import type { JWT } from 'next-auth/jwt';
import { authOptions } from '@/portal/auth-options';
import { sessionCookie } from './api';

export interface SignedIn { cookie: string; sessionId: string; token: JWT }

/** Signs in as the /api/auth route does (credentials with the second factor's code if any, then the jwt callback), from a browser and an address; null when refused. */
export async function signInAs(email: string, password: string, userAgent: string, address: string, code?: string): Promise<SignedIn | null> {
  const options = authOptions();
  const provider = options.providers[0] as unknown as { options: { authorize: (credentials: unknown, req: unknown) => Promise<{ id: string; email: string } | null> } };
  const user = await provider.options.authorize({ email, password, code }, { headers: { 'user-agent': userAgent, 'x-forwarded-for': address } });
  if (!user) return null;
  const token = await options.callbacks!.jwt!({ token: { sub: user.id, email: user.email }, user: user as never, account: null });
  const sessionId = token.sid as string;
  return { cookie: await sessionCookie(user.id, user.email, sessionId), sessionId, token };
}

/** Signs out as next-auth does: its signOut event with the session's token. */
export async function signOutAs(token: JWT): Promise<void> {
  await authOptions().events!.signOut!({ token, session: null as never });
}

export const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
export const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
