import { cache } from 'react';
import { roleMayUse, type AccountRole } from '@/domain/access-roles';
import { signedInQuery } from './graphql';

/**
 * Whether the visitor's role lets it use an API field: the portal hides what it may not do (the API
 * refuses it anyway). The back office's decisions are its guards'. Once per request.
 */
export const visitorMay = cache(async (): Promise<(field: string) => boolean> => {
  const { viewer } = await signedInQuery<{ viewer: { user: { accountRole: AccountRole | null } } }>('{ viewer { user { accountRole } } }');
  const role = viewer.user.accountRole;
  return (field: string) => !role || roleMayUse(role, field);
});
