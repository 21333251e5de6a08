import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authSecret } from '@/lib/auth/secret';
import { getDataSource } from '@/lib/db/data-source';
import { clientAddress } from '@/lib/http/client-address';
import { signInWithPassword } from '@/operations/access/sign-in';

/**
 * Portal login (next-auth): email and password checked by the sign-in use case, sessions as signed and
 * encrypted JWT cookies. Next to the portal rather than in lib/, which may not call use cases.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        // Throttled: the error's message reaches the login form as signIn()'s `error` ("TOO_MANY_ATTEMPTS").
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const result = await signInWithPassword(await getDataSource(), credentials.email, credentials.password, clientAddress(req?.headers));
          if (result.outcome === 'TOO_MANY_ATTEMPTS') throw new Error('TOO_MANY_ATTEMPTS');
          return result.outcome === 'SIGNED_IN' ? { id: result.userId, email: credentials.email.trim().toLowerCase() } : null;
        },
      }),
    ],
  };
}
