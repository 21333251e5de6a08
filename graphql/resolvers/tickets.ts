import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ticket, TicketAttachment, TicketMessage } from '@/entities';
import { pageArgs } from '@/operations/pagination';
import { findTicket, ticketReference } from '@/operations/tickets/loading';
import { listTickets, ticketThread } from '@/operations/tickets/list-tickets';
import { openTicket } from '@/operations/tickets/open-ticket';
import { addTicketNote, assignTicket, closeTicket, reopenTicket, replyToTicket } from '@/operations/tickets/ticket-actions';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor, requireBackOffice } from '../guards';
import { AccountType } from '../types/account';
import { toConnection } from '../types/connection';
import { OrderType } from '../types/order';
import { ServiceType } from '../types/service';
import {
  AddTicketNoteInput, AssignTicketInput, CloseTicketInput, OpenTicketInput, ReopenTicketInput, ReplyToTicketInput, TicketConnectionType, TicketFilterInput, TicketMessageType, TicketPayload, TicketType,
  type TicketAttachmentType, type TicketMessageChannelEnum,
} from '../types/ticket';

export function attachmentView(attachment: TicketAttachment): TicketAttachmentType {
  return { id: attachment.id, fileName: attachment.fileName, contentType: attachment.contentType, sizeBytes: attachment.sizeBytes, url: `/api/tickets/attachments/${attachment.id}` };
}

function messageView(message: TicketMessage & { attachments?: TicketAttachment[] }): TicketMessageType {
  return {
    id: message.id, author: message.authorLabel, fromSupport: message.fromSupport, internal: message.internal, channel: message.channel as TicketMessageChannelEnum,
    body: message.body, createdAt: message.createdAt, attachments: (message.attachments ?? []).map(attachmentView),
  };
}

/** Support requests: the customer's tickets and support's queue. */
@Resolver(() => TicketType)
export class TicketResolver {
  @Query(() => TicketConnectionType, { description: "Tickets, the latest activity first: the account's own, a reseller's and its clients', every account's for support." })
  async tickets(
    @Ctx() context: Context,
    @Arg('filter', () => TicketFilterInput, { nullable: true }) filter: TicketFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return toConnection(await listTickets(context.db, requireActor(context), filter ?? {}, pageArgs(first, after)));
  }

  @Query(() => TicketType, { nullable: true, description: 'A ticket the caller may see, with its thread.' })
  ticket(@Ctx() context: Context, @Arg('id', () => ID) id: string): Promise<Ticket | null> {
    return findTicket(context.db.manager, requireActor(context), id);
  }

  @Mutation(() => TicketPayload, { description: 'A support request, for the caller\'s account or a reseller\'s client (support: any account); emailed to the customer and support.' })
  async openTicket(@Arg('input', () => OpenTicketInput) input: OpenTicketInput, @Ctx() context: Context): Promise<TicketPayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => openTicket(context.db, actor, input));
    return { ticket: result, userErrors };
  }

  @Mutation(() => TicketPayload, { description: 'A reply on the thread, emailed to the other side; reopens a closed ticket (the customer\'s within 14 days of closing).' })
  async replyToTicket(@Arg('input', () => ReplyToTicketInput) input: ReplyToTicketInput, @Ctx() context: Context): Promise<TicketPayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => replyToTicket(context.db, actor, input));
    return { ticket: result?.ticket ?? null, message: result ? messageView(result.message) : null, userErrors };
  }

  @Mutation(() => TicketPayload, { description: "Support: an internal note on the thread, never shown to the customer nor emailed." })
  async addTicketNote(@Arg('input', () => AddTicketNoteInput) input: AddTicketNoteInput, @Ctx() context: Context): Promise<TicketPayload> {
    const actor = requireBackOffice(context);
    const { result, userErrors } = await attempt(() => addTicketNote(context.db, actor, input));
    return { ticket: result?.ticket ?? null, message: result ? messageView(result.message) : null, userErrors };
  }

  @Mutation(() => TicketPayload, { description: 'Support: assigns a ticket to a back-office login (the caller by default), or to nobody.' })
  async assignTicket(@Arg('input', () => AssignTicketInput) input: AssignTicketInput, @Ctx() context: Context): Promise<TicketPayload> {
    const actor = requireBackOffice(context);
    const { result, userErrors } = await attempt(() => assignTicket(context.db, actor, input));
    return { ticket: result, userErrors };
  }

  @Mutation(() => TicketPayload, { description: 'Closes a ticket (the customer or support).' })
  async closeTicket(@Arg('input', () => CloseTicketInput) input: CloseTicketInput, @Ctx() context: Context): Promise<TicketPayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => closeTicket(context.db, actor, input.ticketId));
    return { ticket: result, userErrors };
  }

  @Mutation(() => TicketPayload, { description: "Reopens a closed ticket: the customer's within 14 days of closing, support's any time." })
  async reopenTicket(@Arg('input', () => ReopenTicketInput) input: ReopenTicketInput, @Ctx() context: Context): Promise<TicketPayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => reopenTicket(context.db, actor, input.ticketId));
    return { ticket: result, userErrors };
  }

  @FieldResolver(() => String)
  reference(@Root() ticket: Ticket): string {
    return ticketReference(ticket);
  }

  @FieldResolver(() => [TicketMessageType], { description: "The thread, oldest first; internal notes for support alone. Read it on one ticket at a time." })
  async messages(@Root() ticket: Ticket, @Ctx() context: Context): Promise<TicketMessageType[]> {
    return (await ticketThread(context.db, requireActor(context), ticket)).map(messageView);
  }

  @FieldResolver(() => AccountType)
  account(@Root() ticket: Ticket, @Ctx() { loaders }: Context) {
    return loaders.account.load(ticket.accountId);
  }

  @FieldResolver(() => ServiceType, { nullable: true, description: 'The service the request is about.' })
  service(@Root() ticket: Ticket, @Ctx() { loaders }: Context) {
    return ticket.serviceId ? loaders.serviceInReach.load(ticket.serviceId) : null;
  }

  @FieldResolver(() => OrderType, { nullable: true, description: 'The order the request is about.' })
  order(@Root() ticket: Ticket, @Ctx() { loaders }: Context) {
    return ticket.orderId ? loaders.order.load(ticket.orderId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The back-office login the ticket is assigned to.' })
  assignedToUserId(@Root() ticket: Ticket): string | null {
    return ticket.assignedToUserId;
  }

  @FieldResolver(() => Boolean, { description: 'Assigned to the caller.' })
  assignedToMe(@Root() ticket: Ticket, @Ctx() { actor }: Context): boolean {
    return ticket.assignedToUserId !== null && ticket.assignedToUserId === actor?.userId;
  }
}
