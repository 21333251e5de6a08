import type { DataSource } from 'typeorm';
import { normalizeEmail } from '@/domain/identity';
import { LoginAttempt } from '@/entities';
import { logger } from '@/lib/observability/logger';
import { metrics } from '@/lib/observability/metrics';
import { authenticateWithPassword } from './authenticate';
import { passesSecondFactor } from './second-factor';
import { noticeNewDevice, startSession, type SessionOrigin } from './sessions';

/** Signing out ends the session the cookie names. */
export { endSessionById as signOut } from './sessions';

/** Failures allowed per email and per address within the window; one more is refused without checking the password. */
export const LOGIN_LIMIT = { failures: 5, windowMinutes: 15 } as const;

/** Counted for the dashboards and logged (without the email) for whoever investigates a wave of guesses. */
function refused(reason: 'wrong_credentials' | 'too_many_attempts' | 'wrong_code'): void {
  metrics().loginFailures.inc({ reason });
  logger().info({ reason }, 'login refused');
}

export type SignInOutcome =
  | { outcome: 'SIGNED_IN'; userId: string; sessionId: string }
  | { outcome: 'WRONG_CREDENTIALS' | 'TOO_MANY_ATTEMPTS' | 'SECOND_FACTOR_REQUIRED' | 'WRONG_CODE' };

/**
 * A portal login, throttled: each attempt is written before the password is checked, so concurrent
 * guesses count against each other too; a success clears the email's failures, a refusal is not counted.
 * A login with two-factor login needs its code too (or a recovery code): the right password without one
 * asks for it (not counted), a wrong code counts as a failure like a wrong password. A success opens a
 * server-side session for the device it came from.
 */
export async function signInWithPassword(db: DataSource, emailInput: string, password: string, origin: SessionOrigin, code = ''): Promise<SignInOutcome> {
  const { address } = origin;
  const email = normalizeEmail(emailInput).slice(0, 254);
  const attempts = db.getRepository(LoginAttempt);
  const attempt = await attempts.save(attempts.create({ email, address }));
  const [recent] = await db.query(
    `SELECT count(*) FILTER (WHERE "email" = $1)::int AS "byEmail", count(*) FILTER (WHERE "address" = $2)::int AS "byAddress"
       FROM "login_attempts" WHERE ("email" = $1 OR "address" = $2) AND "created_at" > now() - make_interval(mins => $3)`,
    [email, address, LOGIN_LIMIT.windowMinutes],
  );
  if (recent.byEmail > LOGIN_LIMIT.failures || recent.byAddress > LOGIN_LIMIT.failures) {
    await attempts.delete({ id: attempt.id });
    refused('too_many_attempts');
    return { outcome: 'TOO_MANY_ATTEMPTS' };
  }
  const userId = await authenticateWithPassword(db, email, password);
  if (!userId) {
    await db.query(`DELETE FROM "login_attempts" WHERE "created_at" < now() - interval '1 day'`);
    refused('wrong_credentials');
    return { outcome: 'WRONG_CREDENTIALS' };
  }
  const [{ enrolled }] = await db.query(`SELECT totp_secret IS NOT NULL AS enrolled FROM users WHERE id = $1`, [userId]);
  if (enrolled && !code.trim()) {
    await attempts.delete({ id: attempt.id });
    return { outcome: 'SECOND_FACTOR_REQUIRED' };
  }
  if (enrolled && !(await db.transaction((manager) => passesSecondFactor(manager, userId, code)))) {
    refused('wrong_code');
    return { outcome: 'WRONG_CODE' };
  }
  await attempts.delete({ email });
  const session = await startSession(db, userId, origin, enrolled);
  await noticeNewDevice(db, session);
  return { outcome: 'SIGNED_IN', userId, sessionId: session.id };
}
