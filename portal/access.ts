import { cache } from 'react';
import { roleMayUse, type LoginRole } from '@/domain/access-roles';
import { portalViewer } from './viewer';

/**
 * Whether the visitor's role lets it use an API field: the portal hides what it may not do (the API
 * refuses it anyway). The full admin's decisions are its guards'. Once per request.
 */
export const visitorMay = cache(async (): Promise<(field: string) => boolean> => {
  const { user } = await portalViewer();
  const role: LoginRole | null = user.role === 'SUPPORT' ? 'SUPPORT' : user.accountRole;
  return (field: string) => !role || roleMayUse(role, field);
});
