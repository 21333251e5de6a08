import { portalUrl } from '@/lib/config';

/** `scheme://host[:port]` as a browser writes it in `Origin`, or null for a malformed host. */
function originOf(scheme: string, host: string): string | null {
  try {
    return new URL(`${scheme}//${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * A browser sends `Origin` with every POST: a request from another site that carries our session
 * cookie is refused, so a page elsewhere cannot act as the signed-in user. No `Origin` means no
 * browser (a script or the command line), which cannot have been tricked into sending the cookie.
 * Accepted: the origin the request was sent to (its `Host`: Next.js builds the request's URL from its
 * own host name, so the portal opened at 127.0.0.1 would otherwise be refused), the URL's own, and
 * the portal's public URL. A page on another site cannot choose the `Host` its browser sends.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const url = new URL(request.url);
  const host = request.headers.get('host');
  return origin === url.origin || origin === new URL(portalUrl()).origin || (!!host && origin === originOf(url.protocol, host));
}
