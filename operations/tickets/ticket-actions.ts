import type { DataSource } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { statusAfterReply } from '@/domain/tickets';
import { Ticket, type TicketMessage } from '@/entities';
import type { Actor } from '../actor';
import { ForbiddenError, UserInputError } from '../errors';
import { sideOf, ticketInReach } from './loading';
import { appendMessage, checkedMessage, type NewMessage } from './messages';
import { emailCustomerReply, emailSupportAnswer } from './ticket-emails';
import { assertReopenable, assignTo, changeStatus } from './ticket-status';

export interface ReplyInput { ticketId: string; message: string; attachmentIds?: readonly string[] | null }

/** How a reply came, when not through the portal or the API: by email, with the files it carried. */
export interface ReplyOrigin { channel: NewMessage['channel']; files?: NewMessage['files'] }

/**
 * A reply on the thread: support's answers the ticket and is emailed to the customer; the customer's waits for
 * support again and is emailed to support. A reply to a closed ticket reopens it, the customer's only within
 * the reopening period.
 */
export async function replyToTicket(db: DataSource, actor: Actor, input: ReplyInput, origin: ReplyOrigin = { channel: 'PORTAL' }): Promise<{ ticket: Ticket; message: TicketMessage }> {
  const body = checkedMessage(input.message);
  return db.transaction(async (manager) => {
    const ticket = await ticketInReach(manager, actor, input.ticketId, true);
    assertReopenable(actor, ticket);
    const message = await appendMessage(manager, actor, ticket.id, { body, attachmentIds: input.attachmentIds, ...origin });
    await manager.update(Ticket, ticket.id, { lastActivityAt: message.createdAt });
    ticket.lastActivityAt = message.createdAt;
    await changeStatus(manager, actor, ticket, statusAfterReply(ticket.status, sideOf(actor)));
    if (sideOf(actor) === 'SUPPORT') await emailSupportAnswer(manager, ticket, message);
    else await emailCustomerReply(manager, ticket, message);
    return { ticket, message };
  });
}

function assertSupport(actor: Actor): void {
  if (!actor.isAdmin) throw new ForbiddenError('Only support may do this');
}

/** Support's internal note: on the thread for support alone, never emailed; the status stays. */
export async function addTicketNote(db: DataSource, actor: Actor, input: ReplyInput): Promise<{ ticket: Ticket; message: TicketMessage }> {
  assertSupport(actor);
  const body = checkedMessage(input.message);
  return db.transaction(async (manager) => {
    const ticket = await ticketInReach(manager, actor, input.ticketId, true);
    const message = await appendMessage(manager, actor, ticket.id, { body, internal: true, attachmentIds: input.attachmentIds });
    return { ticket, message };
  });
}

/** Assigns a ticket to a back-office login (the actor when none is named); `unassign` leaves it to nobody. */
export async function assignTicket(db: DataSource, actor: Actor, input: { ticketId: string; userId?: string | null; unassign?: boolean | null }): Promise<Ticket> {
  assertSupport(actor);
  if (input.userId && !isUuid(input.userId)) throw new UserInputError('NOT_FOUND', 'no back-office login with this id', 'userId');
  return db.transaction(async (manager) => {
    const ticket = await ticketInReach(manager, actor, input.ticketId, true);
    await assignTo(manager, actor, ticket, input.unassign ? null : input.userId ?? actor.userId);
    return ticket;
  });
}

/** Closes a ticket (the customer's side or support); closing a closed one changes nothing. */
export async function closeTicket(db: DataSource, actor: Actor, ticketId: string): Promise<Ticket> {
  return db.transaction(async (manager) => {
    const ticket = await ticketInReach(manager, actor, ticketId, true);
    await changeStatus(manager, actor, ticket, 'CLOSED');
    return ticket;
  });
}

/** Reopens a closed ticket, the customer's side within the reopening period; an open one stays as it is. */
export async function reopenTicket(db: DataSource, actor: Actor, ticketId: string): Promise<Ticket> {
  return db.transaction(async (manager) => {
    const ticket = await ticketInReach(manager, actor, ticketId, true);
    if (ticket.status !== 'CLOSED') return ticket;
    assertReopenable(actor, ticket);
    await changeStatus(manager, actor, ticket, 'OPEN');
    return ticket;
  });
}
