import type { EntityManager } from 'typeorm';
import { Account, type Ticket, type TicketMessage, User } from '@/entities';
import { portalUrl, supportEmail } from '@/lib/config';
import { ticketReplyAddress } from '@/lib/ticket-reply-address';
import { queueEmail } from '../notifications/queue-email';
import { ticketReference } from './loading';

/** Who the customer's emails about a ticket go to: the login that opened it, or the account's address when it is gone. */
async function customerRecipient(manager: EntityManager, ticket: Ticket, account: Account): Promise<{ email: string; locale: 'it' | 'en' }> {
  const opener = ticket.openedByUserId ? await manager.findOneBy(User, { id: ticket.openedByUserId, accountId: ticket.accountId }) : null;
  return { email: opener?.email ?? account.email, locale: opener?.locale ?? account.locale };
}

/** A new ticket: the customer's acknowledgement (with the ticket's reply address) and support's copy. */
export async function emailTicketOpened(manager: EntityManager, ticket: Ticket, message: TicketMessage): Promise<void> {
  const account = await manager.findOneByOrFail(Account, { id: ticket.accountId });
  const to = await customerRecipient(manager, ticket, account);
  const reference = ticketReference(ticket);
  await queueEmail(manager, {
    accountId: account.id, toEmail: to.email, locale: to.locale, dedupeKey: `ticket-opened:${ticket.id}`, replyTo: ticketReplyAddress(ticket.id),
    message: { template: 'TICKET_OPENED', reference, subject: ticket.subject, link: portalUrl(`/area/assistenza/${ticket.id}`) },
  });
  await emailSupport(manager, ticket, account, message, 'NEW');
}

/** A message of the customer's side on an existing ticket: support's copy. */
export async function emailCustomerReply(manager: EntityManager, ticket: Ticket, message: TicketMessage): Promise<void> {
  await emailSupport(manager, ticket, await manager.findOneByOrFail(Account, { id: ticket.accountId }), message, 'REPLY');
}

async function emailSupport(manager: EntityManager, ticket: Ticket, account: Account, message: TicketMessage, kind: 'NEW' | 'REPLY'): Promise<void> {
  await queueEmail(manager, {
    accountId: null, toEmail: supportEmail(), locale: 'it', dedupeKey: `ticket-to-support:${message.id}`,
    message: {
      template: 'TICKET_TO_SUPPORT', reference: ticketReference(ticket), subject: ticket.subject, accountName: account.name, from: message.authorLabel,
      department: ticket.department, priority: ticket.priority, message: message.body, kind, link: portalUrl(`/area/assistenza/${ticket.id}`),
    },
  });
}

/** Support's answer: to the customer, with the ticket's reply address. */
export async function emailSupportAnswer(manager: EntityManager, ticket: Ticket, message: TicketMessage): Promise<void> {
  const account = await manager.findOneByOrFail(Account, { id: ticket.accountId });
  const to = await customerRecipient(manager, ticket, account);
  await queueEmail(manager, {
    accountId: account.id, toEmail: to.email, locale: to.locale, dedupeKey: `ticket-answered:${message.id}`, replyTo: ticketReplyAddress(ticket.id),
    message: { template: 'TICKET_ANSWERED', reference: ticketReference(ticket), subject: ticket.subject, message: message.body, link: portalUrl(`/area/assistenza/${ticket.id}`) },
  });
}
