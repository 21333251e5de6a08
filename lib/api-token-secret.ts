import { randomSecret, sha256Hex } from './secrets';

/** Tokens look like `pcl_…`: recognisable in logs and by secret scanners. */
export const TOKEN_PREFIX = 'pcl_';

export function newTokenSecret(): { token: string; displayPrefix: string; secretHash: string } {
  const token = TOKEN_PREFIX + randomSecret();
  return { token, displayPrefix: token.slice(0, 12), secretHash: hashTokenSecret(token) };
}

export const hashTokenSecret = sha256Hex;
