import type { DataSource } from 'typeorm';
import { User } from '@/entities';
import { createApiToken } from '@/operations/access/api-tokens';
import { actorForUser } from '@/operations/access/resolve-actor';
import type { Actor } from '@/operations/actor';

export interface Caller { actor: Actor; token: string }

/** An API token for each of the accounts with these emails (made fresh each run). */
export async function callersFor(db: DataSource, emails: string[]): Promise<Caller[]> {
  if (!emails.length) return [];
  const users = await db.getRepository(User).createQueryBuilder('u').where('u.email IN (:...emails)', { emails }).getMany();
  return Promise.all(users.map(async (user) => {
    const actor = (await actorForUser(db, user.id))!;
    return { actor, token: (await createApiToken(db, actor, { name: 'bench' })).token };
  }));
}
