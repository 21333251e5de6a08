import type { EntityManager } from 'typeorm';
import { isUuid } from '@/domain/identity';
import type { TicketSide } from '@/domain/tickets';
import { Ticket } from '@/entities';
import type { Actor } from '../actor';
import { UserInputError } from '../errors';
import { withinReach } from '../scope';

/** Whose side a message is written on: the back office's (support, the admin) or the customer's (its logins, its reseller's). */
export function sideOf(actor: Actor | null): TicketSide {
  return actor?.isAdmin ? 'SUPPORT' : 'CUSTOMER';
}

/** A ticket the actor may see (its account's, a reseller's client's, any for the back office), locked to change it when asked; null otherwise. */
export async function findTicket(manager: EntityManager, actor: Actor, ticketId: string, lock = false): Promise<Ticket | null> {
  const query = manager.getRepository(Ticket).createQueryBuilder('ticket').where('ticket.id = :ticketId', { ticketId });
  if (lock) query.setLock('pessimistic_write');
  return isUuid(ticketId) ? withinReach(query, 'ticket.accountId', actor).getOne() : null;
}

/** `findTicket`, NOT_FOUND when the actor may not see it. */
export async function ticketInReach(manager: EntityManager, actor: Actor, ticketId: string, lock = false): Promise<Ticket> {
  const ticket = await findTicket(manager, actor, ticketId, lock);
  if (!ticket) throw new UserInputError('NOT_FOUND', 'no ticket with this id', 'ticketId');
  return ticket;
}

/** How a ticket is referred to in emails' subjects and the portal: `#` and the first 8 characters of its id. */
export function ticketReference(ticket: Pick<Ticket, 'id'>): string {
  return `#${ticket.id.slice(0, 8).toUpperCase()}`;
}
