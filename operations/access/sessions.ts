import type { DataSource } from 'typeorm';
import { deviceLabel } from '@/domain/device';
import { isUuid } from '@/domain/identity';
import { UserSession } from '@/entities';
import { portalUrl } from '@/lib/config';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError } from '../errors';
import { ofOwnLogin } from '../scope';
import { mailLogin } from './login-mail';

export interface SessionOrigin { userAgent: string | null; address: string }

/** A new session of the login, signed in from `origin` (with the second factor or not); its id goes into the session cookie. */
export async function startSession(db: DataSource, userId: string, origin: SessionOrigin, passedSecondFactor = false): Promise<UserSession> {
  const sessions = db.getRepository(UserSession);
  return sessions.save(sessions.create({
    userId, device: deviceLabel(origin.userAgent), address: origin.address.slice(0, 64), secondFactorAt: passedSecondFactor ? new Date() : null,
  }));
}

/** Emails the login when a session comes from a device it never signed in from before (its very first sign-in aside). */
export async function noticeNewDevice(db: DataSource, session: UserSession): Promise<void> {
  const [earlier]: { any: boolean; same: boolean }[] = await db.query(
    `SELECT count(*) > 0 AS any, count(*) FILTER (WHERE device = $3) > 0 AS same FROM user_sessions WHERE user_id = $1 AND id <> $2`,
    [session.userId, session.id, session.device],
  );
  if (!earlier.any || earlier.same) return;
  await db.transaction((manager) => mailLogin(manager, session.userId, {
    template: 'NEW_SIGN_IN', device: session.device, address: session.address, at: session.createdAt.toISOString(), link: portalUrl('/area/sessioni'),
  }));
}

/** Ends a session by its id, as signing out does (the cookie is its proof); ending an ended one changes nothing. */
export async function endSessionById(db: DataSource, sessionId: string): Promise<void> {
  if (isUuid(sessionId)) await db.query(`UPDATE "user_sessions" SET "ended_at" = now() WHERE "id" = $1 AND "ended_at" IS NULL`, [sessionId]);
}

/** The login's open sessions, the most recently seen first. */
export function listSessions(db: DataSource, actor: Actor): Promise<UserSession[]> {
  const query = db.getRepository(UserSession).createQueryBuilder('session').where('session.endedAt IS NULL');
  return ofOwnLogin(query, 'session.userId', actor).orderBy('session.lastSeenAt', 'DESC').addOrderBy('session.id').getMany();
}

/** Ends one of the login's own sessions (the current one included), effective at once. */
export async function endSession(db: DataSource, actor: Actor, sessionId: string): Promise<UserSession> {
  if (!isUuid(sessionId)) throw new UserInputError('NOT_FOUND', 'no such session', 'id');
  return db.transaction(async (manager) => {
    const query = manager.createQueryBuilder(UserSession, 'session').setLock('pessimistic_write').where('session.id = :sessionId AND session.endedAt IS NULL', { sessionId });
    const session = await ofOwnLogin(query, 'session.userId', actor).getOne();
    if (!session) throw new UserInputError('NOT_FOUND', 'no such session', 'id');
    session.endedAt = new Date();
    await manager.save(session);
    await recordAudit(manager, actor, { action: 'session.ended', entityType: 'UserSession', entityId: session.id, accountId: actor.accountId, after: { device: session.device, address: session.address } });
    return session;
  });
}

/** Ends every session of the login but the one asking (all of them when asked with an API token); how many ended. */
export async function endOtherSessions(db: DataSource, actor: Actor): Promise<number> {
  return db.transaction(async (manager) => {
    const ended: { id: string }[] = (await manager.query(
      `UPDATE "user_sessions" SET "ended_at" = now() WHERE "user_id" = $1 AND "ended_at" IS NULL AND "id" IS DISTINCT FROM $2 RETURNING "id"`,
      [actor.userId, actor.sessionId],
    ))[0];
    if (ended.length) await recordAudit(manager, actor, { action: 'session.others_ended', entityType: 'User', entityId: actor.userId, accountId: actor.accountId, after: { ended: ended.length } });
    return ended.length;
  });
}
