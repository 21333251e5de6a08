import type { Locale } from '@/domain/money';
import type { AccountKind } from '@/entities/account';

/** Who is asking: a signed-in user acting for its account, or the back office. */
export interface Actor {
  userId: string;
  email: string;
  isAdmin: boolean;
  accountId: string | null;
  accountKind: AccountKind | null;
  /** The account's language; Italian for the back office. */
  locale: Locale;
  /** The portal session the request came with; null for an API token, the command line, the system. */
  sessionId: string | null;
}

export function actorLabel(actor: Actor | null): string {
  return actor ? actor.email : 'system';
}
