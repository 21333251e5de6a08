import { payloadTooLarge } from '@/lib/http/body-limit';

export const dynamic = 'force-dynamic';

/**
 * Where next.config.js sends every request whose declared Content-Length is over the limit, whatever
 * its route (server actions and next-auth's included): refused before anything reads the body.
 */
const refuse = async (): Promise<Response> => payloadTooLarge();

export { refuse as DELETE, refuse as GET, refuse as PATCH, refuse as POST, refuse as PUT };
