import type { EntityManager } from 'typeorm';
import { TicketMessage } from '@/entities';
import type { TicketMessageChannel } from '@/entities/ticket-message';
import { type Actor, actorLabel } from '../actor';
import { UserInputError } from '../errors';
import { attachReceivedFiles, attachUploads, type IncomingFile } from './attachments';
import { sideOf } from './loading';

/** The longest message kept (a pasted log included); longer ones are refused, never cut. */
export const MAX_MESSAGE_LENGTH = 50_000;

export function checkedMessage(text: string, field = 'message'): string {
  const body = text.trim();
  if (!body) throw new UserInputError('REQUIRED', 'the message is empty', field);
  if (body.length > MAX_MESSAGE_LENGTH) throw new UserInputError('TOO_LONG', `a message has at most ${MAX_MESSAGE_LENGTH} characters`, field);
  return body;
}

export interface NewMessage {
  body: string;
  internal?: boolean;
  channel?: TicketMessageChannel;
  /** Files the author uploaded for it. */
  attachmentIds?: readonly string[] | null;
  /** Files that came with it (an email's), checked as an upload is. */
  files?: IncomingFile[];
}

/** Appends a message to a ticket's thread, written by `actor` (null: the panel itself), with the files its author uploaded for it. */
export async function appendMessage(manager: EntityManager, actor: Actor | null, ticketId: string, message: NewMessage): Promise<TicketMessage> {
  const saved = await manager.save(TicketMessage, manager.create(TicketMessage, {
    ticketId,
    authorUserId: actor?.userId ?? null,
    authorLabel: actorLabel(actor),
    fromSupport: actor !== null && sideOf(actor) === 'SUPPORT',
    internal: message.internal ?? false,
    channel: message.channel ?? (actor ? 'PORTAL' : 'SYSTEM'),
    body: message.body,
  }));
  if (actor) await attachUploads(manager, actor.userId, message.attachmentIds ?? [], saved.id);
  if (actor && message.files?.length) await attachReceivedFiles(manager, actor.userId, message.files, saved.id);
  return saved;
}
