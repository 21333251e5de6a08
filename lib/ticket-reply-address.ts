import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@/domain/identity';
import { authSecret } from './auth/secret';
import { supportReplyDomain } from './config';

const LOCAL_PART = /^support\+([0-9a-f-]{36})\.([0-9a-f]{20})$/;

/** 80 bits of an HMAC-SHA256 of the ticket's id under the app's secret: nothing about it can be guessed from the id. */
function signature(ticketId: string): string {
  return createHmac('sha256', authSecret()).update(`ticket-reply:${ticketId}`).digest('hex').slice(0, 20);
}

/** The address a ticket's emails give for replies, `support+<ticket id>.<signature>@<SUPPORT_REPLY_DOMAIN>`; null without the domain. */
export function ticketReplyAddress(ticketId: string): string | null {
  const domain = supportReplyDomain();
  return domain ? `support+${ticketId}.${signature(ticketId)}@${domain}` : null;
}

/** The ticket a reply address names, when it is one of ours with a valid signature; null for anything else. */
export function ticketOfReplyAddress(address: string): string | null {
  const domain = supportReplyDomain();
  const at = address.lastIndexOf('@');
  if (!domain || at < 0 || address.slice(at + 1).toLowerCase() !== domain) return null;
  const match = LOCAL_PART.exec(address.slice(0, at).toLowerCase());
  if (!match || !isUuid(match[1])) return null;
  const expected = Buffer.from(signature(match[1]));
  const given = Buffer.from(match[2]);
  return timingSafeEqual(expected, given) ? match[1] : null;
}
