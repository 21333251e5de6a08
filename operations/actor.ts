import type { ApiScope } from '@/domain/api-scopes';
import type { Locale } from '@/domain/money';
import type { AccountKind } from '@/entities/account';
import type { LoginRole } from '@/entities/user';

/** Who is asking: a signed-in user acting for its account, or the back office (the full admin, or support: `accountRole` SUPPORT). */
export interface Actor {
  userId: string;
  email: string;
  isAdmin: boolean;
  accountId: string | null;
  accountKind: AccountKind | null;
  /** What the login may do for its account; for the back office null (the full admin) or SUPPORT. */
  accountRole: LoginRole | null;
  /** The account's language; Italian for the back office. */
  locale: Locale;
  /** The portal session the request came with; null for an API token, the command line, the system. */
  sessionId: string | null;
  /**
   * The second factor of a portal session: PASSED when signed in (or enrolled) with it, NOT_PASSED for a
   * session of a login that enabled it later, MUST_ENROL for a back-office login without one (it may do
   * nothing but enrol); NOT_NEEDED for a login without one, an API token, the command line.
   */
  secondFactor: SecondFactorState;
  /** What an API token may do (domain/api-scopes.ts); null: full access (a portal session, a token made without scopes). */
  scopes: readonly ApiScope[] | null;
  /** The one client of a reseller an API token is limited to: the actor then reaches that client's account alone (scope.ts). */
  limitedToClientId: string | null;
}

export type SecondFactorState = 'NOT_NEEDED' | 'PASSED' | 'NOT_PASSED' | 'MUST_ENROL';

/** The state of a session's second factor, from its login (admin? enrolled?) and the session (passed?). */
export function secondFactorState(isAdmin: boolean, enrolled: boolean, passed: boolean): SecondFactorState {
  if (!enrolled) return isAdmin ? 'MUST_ENROL' : 'NOT_NEEDED';
  return passed ? 'PASSED' : 'NOT_PASSED';
}

export function actorLabel(actor: Actor | null): string {
  return actor ? actor.email : 'system';
}

/** The full admin: a back-office login that is not limited to support's work. */
export function isFullAdmin(actor: Actor): boolean {
  return actor.isAdmin && actor.accountRole !== 'SUPPORT';
}
