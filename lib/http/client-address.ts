type HeaderValue = string | string[] | undefined;

/**
 * The client's IP address: the last X-Forwarded-For hop, which is the address our reverse proxy (or
 * Next.js itself, when nothing is in front) saw; earlier hops are whatever the client chose to send.
 */
export function clientAddress(headers: Record<string, HeaderValue> | undefined): string {
  const value = headers?.['x-forwarded-for'] ?? headers?.['x-real-ip'];
  const hops = (Array.isArray(value) ? value.join(',') : value ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  return (hops.at(-1) ?? 'unknown').slice(0, 64);
}
