import { createHmac, randomBytes } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';
import { sha256Hex } from '@/lib/secrets';

/** A fresh nonce: a new one makes a new calendar URL. */
export function newFeedNonce(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The secret in an account's calendar URL, derived from its stored nonce with the server's key: the database
 * keeps the nonce and the secret's hash, neither of which opens the feed without the key.
 */
export function feedSecret(accountId: string, nonce: string): string {
  return createHmac('sha256', authSecret()).update(`calendar-feed:${accountId}:${nonce}`).digest('base64url');
}

export const feedSecretHash = sha256Hex;
