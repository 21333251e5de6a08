import { GraphQLError } from 'graphql';
import { isFullAdmin, type Actor } from '@/operations/actor';
import type { Context } from './context';

function forbidden(message: string, reason?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', ...(reason ? { reason } : {}) } });
}

/** Signed in, whatever the second factor: only for what a back-office login without one may use (itself, enrolling). */
export function requireActorEnrolling(context: Context): Actor {
  if (!context.actor) throw new GraphQLError('Sign in or send an API token to use this field', { extensions: { code: 'UNAUTHENTICATED' } });
  return context.actor;
}

/** Signed in; a back-office session without a second factor must enrol one before anything else. */
export function requireActor(context: Context): Actor {
  const actor = requireActorEnrolling(context);
  if (actor.secondFactor === 'MUST_ENROL') throw forbidden('The back office must enable two-factor login first', 'SECOND_FACTOR_ENROLMENT_REQUIRED');
  return actor;
}

/** Signed in with the second factor when the login has one (a session that signed in before it was enabled does not do). */
export function requireSecondFactor(context: Context): Actor {
  const actor = requireActor(context);
  if (actor.secondFactor === 'NOT_PASSED') throw forbidden('Sign in again with the two-factor code to do this', 'SECOND_FACTOR_REQUIRED');
  return actor;
}

/** A login of an account (not the back office): what concerns the account's own logins. */
export function requireAccountLogin(context: Context): Actor {
  const actor = requireActor(context);
  if (!actor.accountId) throw forbidden("Only the logins of an account manage the account's logins");
  return actor;
}

/** The full admin: the back office's money and admin actions, which support may not use. */
export function requireAdmin(context: Context): Actor {
  const actor = requireActor(context);
  if (!isFullAdmin(actor)) throw forbidden('Only the back office may use this field');
  return actor;
}

/** A back-office login, the full admin or support: the ticket queue and what answering needs. */
export function requireBackOffice(context: Context): Actor {
  const actor = requireActor(context);
  if (!actor.isAdmin) throw forbidden('Only the back office may use this field');
  return actor;
}

export function requireResellerOrAdmin(context: Context): Actor {
  const actor = requireActor(context);
  if (!actor.isAdmin && actor.accountKind !== 'RESELLER') throw forbidden('Only resellers and the back office have client accounts');
  return actor;
}
