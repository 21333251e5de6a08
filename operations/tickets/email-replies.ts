import type { DataSource } from 'typeorm';
import { detectAttachmentType, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '@/domain/attachments';
import { normalizeEmail } from '@/domain/identity';
import { replyAboveQuote } from '@/domain/tickets';
import type { TicketMessage } from '@/entities';
import { ticketOfReplyAddress } from '@/lib/ticket-reply-address';
import { actorForUser } from '../access/resolve-actor';
import { UserInputError } from '../errors';
import type { IncomingFile } from './attachments';
import { replyToTicket } from './ticket-actions';

/** Who may reply by email: the ticket, and the login the sender is. */
export interface EmailReplier { ticketId: string; userId: string }

/**
 * The ticket a reply address names and the login that sends to it, when the address carries a valid signature
 * and the sender is a login of the ticket's account or of its reseller; null for anything else (forged, unknown).
 */
export async function emailReplier(db: DataSource, recipient: string, sender: string): Promise<EmailReplier | null> {
  const ticketId = ticketOfReplyAddress(recipient);
  if (!ticketId || !sender) return null;
  const [login] = await db.query(
    `SELECT u.id FROM "tickets" t JOIN "accounts" a ON a.id = t.account_id
     JOIN "users" u ON u.email = $2 AND u.role = 'USER' AND (u.account_id = a.id OR u.account_id = a.reseller_id)
     WHERE t.id = $1`,
    [ticketId, normalizeEmail(sender)],
  );
  return login ? { ticketId, userId: login.id } : null;
}

export interface ReceivedReply { text: string; files: IncomingFile[] }

/** Files an email may bring to a ticket (the upload's allow-list and limits); the others are named in the message as left out. */
function acceptedFiles(files: IncomingFile[]): { files: IncomingFile[]; leftOut: string[] } {
  const accepted = files.filter((file) => file.bytes.length <= MAX_ATTACHMENT_BYTES && detectAttachmentType(file.bytes)).slice(0, MAX_ATTACHMENTS_PER_MESSAGE);
  return { files: accepted, leftOut: files.filter((file) => !accepted.includes(file)).map((file) => file.fileName) };
}

/** A reply received by email, added to the thread as the sender's (the quoted message below it dropped). */
export async function receiveEmailReply(db: DataSource, replier: EmailReplier, reply: ReceivedReply): Promise<TicketMessage> {
  const actor = await actorForUser(db, replier.userId);
  if (!actor) throw new UserInputError('NOT_FOUND', 'the sender is no longer a login');
  const { files, leftOut } = acceptedFiles(reply.files);
  const body = [replyAboveQuote(reply.text), ...leftOut.map((name) => `[Allegato non accettato: ${name}]`)].join('\n\n').trim();
  return (await replyToTicket(db, actor, { ticketId: replier.ticketId, message: body }, { channel: 'EMAIL', files })).message;
}
