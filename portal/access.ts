import { cache } from 'react';
import { roleMayUse, type AccountRole, type LoginRole } from '@/domain/access-roles';
import { signedInQuery } from './graphql';

/**
 * Whether the visitor's role lets it use an API field: the portal hides what it may not do (the API
 * refuses it anyway). The full admin's decisions are its guards'. Once per request.
 */
export const visitorMay = cache(async (): Promise<(field: string) => boolean> => {
  const { viewer } = await signedInQuery<{ viewer: { user: { role: string; accountRole: AccountRole | null } } }>('{ viewer { user { role accountRole } } }');
  const role: LoginRole | null = viewer.user.role === 'SUPPORT' ? 'SUPPORT' : viewer.user.accountRole;
  return (field: string) => !role || roleMayUse(role, field);
});
