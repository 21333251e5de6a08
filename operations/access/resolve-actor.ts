import type { DataSource } from 'typeorm';
import { ApiToken, User } from '@/entities';
import { hashTokenSecret, TOKEN_PREFIX } from '@/lib/api-token-secret';
import type { Actor } from '../actor';

function actorOf(user: User): Actor {
  return {
    userId: user.id,
    email: user.email,
    isAdmin: user.role === 'ADMIN',
    accountId: user.accountId,
    accountKind: user.account?.kind ?? null,
    locale: user.account?.locale ?? 'it',
  };
}

export async function actorForUser(db: DataSource, userId: string): Promise<Actor | null> {
  // One statement (findOne with a relation would add a second one to apply its implicit LIMIT).
  const user = await db.getRepository(User).createQueryBuilder('user').leftJoinAndSelect('user.account', 'account').where('user.id = :userId', { userId }).getOne();
  return user ? actorOf(user) : null;
}

/** The actor behind a Bearer token, or null for an unknown or revoked one. Marks it used (at most once a minute). */
export async function actorForApiToken(db: DataSource, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const found = await db.getRepository(ApiToken).createQueryBuilder('token')
    .innerJoinAndSelect('token.user', 'user')
    .leftJoinAndSelect('user.account', 'account')
    .where('token.secretHash = :hash', { hash: hashTokenSecret(token) })
    .andWhere('token.revokedAt IS NULL')
    .getOne();
  if (!found?.user) return null;
  await db.query(
    `UPDATE "api_tokens" SET "last_used_at" = now() WHERE "id" = $1 AND ("last_used_at" IS NULL OR "last_used_at" < now() - interval '1 minute')`,
    [found.id],
  );
  return actorOf(found.user);
}
