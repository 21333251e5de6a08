import type { DataSource } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { ApiToken } from '@/entities';
import { newTokenSecret } from '@/lib/api-token-secret';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError } from '../errors';
import { ofOwnLogin } from '../scope';

/** A new token for the actor's own login; the secret is returned this once and stored hashed. */
export async function createApiToken(db: DataSource, actor: Actor, nameInput: string): Promise<{ token: string; record: ApiToken }> {
  const name = nameInput.trim();
  if (!name || name.length > 100) throw new UserInputError('INVALID', 'name is required (at most 100 characters)', 'name');
  const { token, displayPrefix, secretHash } = newTokenSecret();
  return db.transaction(async (manager) => {
    const record = await manager.save(ApiToken, manager.create(ApiToken, { userId: actor.userId, name, displayPrefix, secretHash }));
    await recordAudit(manager, actor, { action: 'api_token.created', entityType: 'ApiToken', entityId: record.id, accountId: actor.accountId, after: { name, displayPrefix } });
    return { token, record };
  });
}

/** Revokes one of the actor's own tokens, effective at once. */
export async function revokeApiToken(db: DataSource, actor: Actor, tokenId: string): Promise<ApiToken> {
  if (!isUuid(tokenId)) throw new UserInputError('NOT_FOUND', 'no such API token', 'id');
  return db.transaction(async (manager) => {
    const query = manager.createQueryBuilder(ApiToken, 'token').setLock('pessimistic_write').where('token.id = :tokenId', { tokenId });
    const record = await ofOwnLogin(query, 'token.userId', actor).getOne();
    if (!record) throw new UserInputError('NOT_FOUND', 'no such API token', 'id');
    if (!record.revokedAt) {
      record.revokedAt = new Date();
      await manager.save(record);
      await recordAudit(manager, actor, { action: 'api_token.revoked', entityType: 'ApiToken', entityId: record.id, accountId: actor.accountId, before: { revokedAt: null }, after: { revokedAt: record.revokedAt.toISOString() } });
    }
    return record;
  });
}

export function listApiTokens(db: DataSource, actor: Actor): Promise<ApiToken[]> {
  return ofOwnLogin(db.getRepository(ApiToken).createQueryBuilder('token'), 'token.userId', actor).orderBy('token.createdAt', 'DESC').getMany();
}
