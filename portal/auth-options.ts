import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authSecret } from '@/lib/auth/secret';
import { getDataSource } from '@/lib/db/data-source';
import { clientAddress } from '@/lib/http/client-address';
import { signInWithPassword, signOut } from '@/operations/access/sign-in';

/** The login authorize() hands to the jwt callback: its server-side session goes into the cookie. */
type SignedInUser = User & { sessionId: string };

/**
 * Portal login (next-auth): email and password checked by the sign-in use case. The session stays a signed
 * and encrypted JWT cookie (next-auth 4's credentials provider works only with JWT sessions), which carries
 * the id of a server-side session (`sid`): every request checks it is still open, so signing out or ending
 * it from another device refuses the cookie at once. Next to the portal rather than in lib/, which may not
 * call use cases.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' }, code: { label: 'Code', type: 'text' } },
        // Throttled, and in two steps for a login with two-factor login: the error's message reaches the login
        // form as signIn()'s `error` ("TOO_MANY_ATTEMPTS", "SECOND_FACTOR_REQUIRED": ask for the code, "WRONG_CODE").
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const userAgent = req?.headers?.['user-agent'];
          const origin = { userAgent: typeof userAgent === 'string' ? userAgent : null, address: clientAddress(req?.headers) };
          const result = await signInWithPassword(await getDataSource(), credentials.email, credentials.password, origin, credentials.code ?? '');
          if (result.outcome === 'WRONG_CREDENTIALS') return null;
          if (result.outcome !== 'SIGNED_IN') throw new Error(result.outcome);
          const user: SignedInUser = { id: result.userId, email: credentials.email.trim().toLowerCase(), sessionId: result.sessionId };
          return user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = (user as SignedInUser).sessionId;
        return token;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await signOut(await getDataSource(), token.sid);
      },
    },
  };
}
