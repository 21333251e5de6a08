import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** High-entropy secrets need no slow hash: SHA-256 makes the stored value useless to a thief. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
