import { portalUrl } from '@/lib/config';

/**
 * A browser sends `Origin` with every POST: a request from another site that carries our session
 * cookie is refused, so a page elsewhere cannot act as the signed-in user. No `Origin` means no
 * browser (a script or the command line), which cannot have been tricked into sending the cookie.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  return origin === new URL(request.url).origin || origin === new URL(portalUrl()).origin;
}
