import type { EntityManager } from 'typeorm';
import { mayReopen } from '@/domain/tickets';
import { Ticket, User } from '@/entities';
import type { TicketStatus } from '@/entities/ticket';
import { today } from '@/lib/clock';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError } from '../errors';
import { sideOf } from './loading';

/** Changes a ticket's status and records it in the audit trail, in the caller's transaction; the same status changes nothing. */
export async function changeStatus(manager: EntityManager, actor: Actor | null, ticket: Ticket, status: TicketStatus): Promise<void> {
  if (ticket.status === status) return;
  const before = ticket.status;
  ticket.status = status;
  ticket.closedAt = status === 'CLOSED' ? new Date() : null;
  await manager.update(Ticket, ticket.id, { status, closedAt: ticket.closedAt });
  await recordAudit(manager, actor, { action: 'ticket.status', entityType: 'Ticket', entityId: ticket.id, accountId: ticket.accountId, before: { status: before }, after: { status } });
}

/** Refuses a closed ticket that may no longer be reopened by this side (docs/product-rules.md, Support). */
export function assertReopenable(actor: Actor | null, ticket: Ticket): void {
  if (ticket.status === 'CLOSED' && !mayReopen(sideOf(actor), ticket.closedAt!, today())) {
    throw new UserInputError('TICKET_CLOSED', 'the ticket was closed too long ago to be reopened: open a new one', 'ticketId');
  }
}

/** Assigns a ticket to a back-office login (null: nobody); audited. */
export async function assignTo(manager: EntityManager, actor: Actor, ticket: Ticket, userId: string | null): Promise<void> {
  if (userId && !(await manager.existsBy(User, { id: userId, role: 'ADMIN' }))) throw new UserInputError('NOT_FOUND', 'no back-office login with this id', 'userId');
  const before = ticket.assignedToUserId;
  ticket.assignedToUserId = userId;
  await manager.update(Ticket, ticket.id, { assignedToUserId: userId });
  await recordAudit(manager, actor, { action: 'ticket.assigned', entityType: 'Ticket', entityId: ticket.id, accountId: ticket.accountId, before: { assignedToUserId: before }, after: { assignedToUserId: userId } });
}
