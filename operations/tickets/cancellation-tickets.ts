import type { EntityManager } from 'typeorm';
import { formatDate } from '@/domain/dates-format';
import { type Cancellation, Ticket } from '@/entities';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { appendMessage } from './messages';
import { changeStatus } from './ticket-status';

/** A confirmed cancellation as a ticket in support's queue (technical, kind CANCELLATION), in the caller's transaction. */
export async function openCancellationTicket(manager: EntityManager, actor: Actor, cancellation: Cancellation, service: { accountId: string; domain: string }, productCode: string): Promise<Ticket> {
  const ticket = await manager.save(Ticket, manager.create(Ticket, {
    accountId: service.accountId, subject: `Disdetta: ${productCode} ${service.domain}`.slice(0, 200), department: 'TECHNICAL', priority: 'NORMAL', status: 'OPEN',
    kind: 'CANCELLATION', serviceId: cancellation.serviceId, cancellationId: cancellation.id, openedByUserId: actor.isAdmin ? null : actor.userId, lastActivityAt: new Date(),
  }));
  const reason = `${cancellation.reason}${cancellation.reasonText ? ` — ${cancellation.reasonText}` : ''}`;
  await appendMessage(manager, null, ticket.id, { body: `Disdetta confermata, efficace dal ${formatDate(cancellation.effectiveOn, 'it')}. Motivo: ${reason}` });
  await recordAudit(manager, actor, { action: 'ticket.opened', entityType: 'Ticket', entityId: ticket.id, accountId: ticket.accountId, after: { status: 'OPEN', kind: 'CANCELLATION' } });
  return ticket;
}

/** A withdrawn cancellation: its ticket gets a message saying so and is closed. */
export async function closeCancellationTicket(manager: EntityManager, actor: Actor, cancellation: Cancellation): Promise<void> {
  const ticket = await manager.findOne(Ticket, { where: { cancellationId: cancellation.id }, lock: { mode: 'pessimistic_write' } });
  if (!ticket) return;
  const message = await appendMessage(manager, null, ticket.id, { body: `Disdetta annullata da ${actor.email}: il servizio resta attivo.` });
  await manager.update(Ticket, ticket.id, { lastActivityAt: message.createdAt });
  await changeStatus(manager, actor, ticket, 'CLOSED');
}
