import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDataSource } from '@/lib/db/data-source';
import { authenticateWithPassword } from '@/operations/access/authenticate';
import { authSecret } from './secret';

/** Portal login: email and password, sessions as signed and encrypted JWT cookies. */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials) {
          if (!credentials?.email || !credentials.password) return null;
          const userId = await authenticateWithPassword(await getDataSource(), credentials.email, credentials.password);
          return userId ? { id: userId, email: credentials.email.trim().toLowerCase() } : null;
        },
      }),
    ],
  };
}
