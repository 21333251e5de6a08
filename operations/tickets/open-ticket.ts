import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { Account, Order, Service, Ticket } from '@/entities';
import { TICKET_DEPARTMENTS, TICKET_PRIORITIES, type TicketDepartment, type TicketPriority } from '@/entities/ticket';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError, Validation } from '../errors';
import { withinReach } from '../scope';
import { appendMessage, checkedMessage } from './messages';
import { emailTicketOpened } from './ticket-emails';

export interface OpenTicketInput {
  subject: string;
  department: string;
  priority?: string | null;
  serviceId?: string | null;
  orderCode?: string | null;
  message: string;
  attachmentIds?: readonly string[] | null;
  /** A reseller's client (or, for the back office, any account); the actor's own account by default. */
  accountId?: string | null;
}

async function accountFor(manager: EntityManager, actor: Actor, accountId: string | null | undefined): Promise<string> {
  const id = accountId ?? actor.accountId;
  if (!id) throw new UserInputError('REQUIRED', 'name the account the request is for', 'accountId');
  const query = manager.getRepository(Account).createQueryBuilder('account').where('account.id = :id', { id });
  if (!isUuid(id) || !(await withinReach(query, 'account.id', actor).getExists())) throw new UserInputError('NOT_FOUND', 'no account with this id', 'accountId');
  return id;
}

/** The account's service or order the request is about; another account's is NOT_FOUND. */
async function related(manager: EntityManager, accountId: string, input: OpenTicketInput): Promise<{ serviceId: string | null; orderId: string | null }> {
  let serviceId: string | null = null;
  let orderId: string | null = null;
  if (input.serviceId) {
    const found = isUuid(input.serviceId) && await manager.existsBy(Service, { id: input.serviceId, accountId });
    if (!found) throw new UserInputError('NOT_FOUND', 'no service of the account with this id', 'serviceId');
    serviceId = input.serviceId;
  }
  if (input.orderCode?.trim()) {
    const order = await manager.findOneBy(Order, { code: input.orderCode.trim().toUpperCase(), accountId });
    if (!order) throw new UserInputError('NOT_FOUND', 'no order of the account with this code', 'orderCode');
    orderId = order.id;
  }
  return { serviceId, orderId };
}

/** A support request with its first message and attachments; the customer is acknowledged and support told, by email. */
export async function openTicket(db: DataSource, actor: Actor, input: OpenTicketInput): Promise<Ticket> {
  const subject = input.subject.trim();
  const priority = input.priority ?? 'NORMAL';
  new Validation()
    .check(subject.length > 0 && subject.length <= 200, 'subject', 'INVALID', 'the subject is required (at most 200 characters)')
    .check(TICKET_DEPARTMENTS.includes(input.department as TicketDepartment), 'department', 'INVALID', `department is one of ${TICKET_DEPARTMENTS.join(', ')}`)
    .check(TICKET_PRIORITIES.includes(priority as TicketPriority), 'priority', 'INVALID', `priority is one of ${TICKET_PRIORITIES.join(', ')}`)
    .throwIfInvalid();
  const body = checkedMessage(input.message);
  return db.transaction(async (manager) => {
    const accountId = await accountFor(manager, actor, input.accountId);
    const ticket = await manager.save(Ticket, manager.create(Ticket, {
      accountId, subject, department: input.department as TicketDepartment, priority: priority as TicketPriority, status: 'OPEN', kind: 'REQUEST',
      ...(await related(manager, accountId, input)), openedByUserId: actor.isAdmin ? null : actor.userId, lastActivityAt: new Date(),
    }));
    const message = await appendMessage(manager, actor, ticket.id, { body, attachmentIds: input.attachmentIds });
    await recordAudit(manager, actor, {
      action: 'ticket.opened', entityType: 'Ticket', entityId: ticket.id, accountId, after: { status: ticket.status, department: ticket.department, priority: ticket.priority },
    });
    await emailTicketOpened(manager, ticket, message);
    return ticket;
  });
}
