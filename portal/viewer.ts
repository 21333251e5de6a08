import { cache } from 'react';
import type { AccountRole } from '@/domain/access-roles';
import { signedInQuery } from './graphql';

export interface PortalViewer {
  user: { email: string; role: string; accountRole: AccountRole | null; twoFactorEnabled: boolean; twoFactorRequired: boolean };
  account: { name: string; kind: string } | null;
}

const VIEWER_QUERY = '{ viewer { user { email role accountRole twoFactorEnabled twoFactorRequired } account { name kind } } }';

/** Who is signed in, as the area's layout and its pages need it: asked once per request, whoever asks first. */
export const portalViewer = cache(async (): Promise<PortalViewer> => (await signedInQuery<{ viewer: PortalViewer }>(VIEWER_QUERY)).viewer);
