import type { DataSource } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { MAX_AGE_FILTER_DAYS } from '@/domain/tickets';
import { Ticket, TicketAttachment, TicketMessage } from '@/entities';
import type { TicketDepartment, TicketPriority, TicketStatus } from '@/entities/ticket';
import type { Actor } from '../actor';
import { Validation } from '../errors';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { withinReach } from '../scope';

export interface TicketFilter {
  status?: TicketStatus | null;
  department?: TicketDepartment | null;
  priority?: TicketPriority | null;
  /** Only the tickets assigned to the actor (support). */
  assignedToMe?: boolean | null;
  /** Only the tickets without activity for at least this many days. */
  olderThanDays?: number | null;
  accountId?: string | null;
}

/**
 * Tickets, the latest activity first: a customer's own, a reseller's and its clients', every account's for the
 * back office (support's queue); filtered by status, department, priority, assignment, age, account.
 */
export function listTickets(db: DataSource, actor: Actor, filter: TicketFilter, page: PageArgs): Promise<Page<Ticket>> {
  new Validation()
    .check(filter.olderThanDays == null || (Number.isInteger(filter.olderThanDays) && filter.olderThanDays >= 0 && filter.olderThanDays <= MAX_AGE_FILTER_DAYS),
      'filter.olderThanDays', 'INVALID', `olderThanDays is a whole number of days from 0 to ${MAX_AGE_FILTER_DAYS}`)
    .throwIfInvalid();
  const query = withinReach(db.getRepository(Ticket).createQueryBuilder('ticket'), 'ticket.accountId', actor);
  if (filter.accountId) query.andWhere(isUuid(filter.accountId) ? 'ticket.accountId = :accountId' : 'false', { accountId: filter.accountId });
  if (filter.status) query.andWhere('ticket.status = :status', { status: filter.status });
  if (filter.department) query.andWhere('ticket.department = :department', { department: filter.department });
  if (filter.priority) query.andWhere('ticket.priority = :priority', { priority: filter.priority });
  if (filter.assignedToMe) query.andWhere('ticket.assignedToUserId = :me', { me: actor.userId });
  if (filter.olderThanDays) query.andWhere(`ticket.lastActivityAt <= now() - make_interval(days => :days)`, { days: filter.olderThanDays });
  return keysetPage(query, { columns: ['ticket.lastActivityAt', 'ticket.id'], direction: 'DESC', values: (t) => [t.lastActivityAt.toISOString(), t.id] }, page);
}

export interface ThreadMessage extends TicketMessage { attachments: TicketAttachment[] }

/** A ticket's thread, oldest first, with each message's attachments (without their bytes); internal notes for the back office alone. */
export async function ticketThread(db: DataSource, actor: Actor, ticket: Ticket): Promise<ThreadMessage[]> {
  const query = db.getRepository(TicketMessage).createQueryBuilder('m').where('m.ticketId = :ticketId', { ticketId: ticket.id }).orderBy('m.createdAt').addOrderBy('m.id');
  if (!actor.isAdmin) query.andWhere('NOT m.internal');
  const messages = await query.getMany();
  const attachments = messages.length
    ? await db.getRepository(TicketAttachment).createQueryBuilder('a').where('a.messageId IN (:...ids)', { ids: messages.map((m) => m.id) }).orderBy('a.createdAt').addOrderBy('a.id').getMany()
    : [];
  return messages.map((message) => Object.assign(message, { attachments: attachments.filter((a) => a.messageId === message.id) }));
}
