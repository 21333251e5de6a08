import { createHash, randomBytes } from 'node:crypto';

/** Tokens look like `pcl_…`: recognisable in logs and by secret scanners. */
export const TOKEN_PREFIX = 'pcl_';

export function newTokenSecret(): { token: string; displayPrefix: string; secretHash: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, displayPrefix: token.slice(0, 12), secretHash: hashTokenSecret(token) };
}

/** The secret has 256 random bits, so a fast hash is enough to make the stored value useless. */
export function hashTokenSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
