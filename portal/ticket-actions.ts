'use server';

import { redirect } from 'next/navigation';
import { portalQuery, type UserError } from './graphql';
import { getDictionary, problemMessage } from './i18n';

export interface TicketFormState { error: string | null }

const USER_ERRORS = 'userErrors { field code message }';
type Payload = { ticket: { id: string } | null; userErrors: UserError[] };

const text = (formData: FormData, name: string) => String(formData.get(name) ?? '').trim();
const attachmentIds = (formData: FormData) => text(formData, 'attachmentIds').split(',').filter(Boolean);

async function problem(result: { data: Record<string, Payload> | null }, field: string): Promise<TicketFormState> {
  const { locale, t } = await getDictionary();
  return { error: problemMessage(result.data?.[field]?.userErrors[0]?.code, locale) ?? t.errors.generic };
}

/** Opens a ticket with the files the form uploaded first (their ids), then shows it. */
export async function openTicketAction(_previous: TicketFormState, formData: FormData): Promise<TicketFormState> {
  const input = {
    subject: text(formData, 'subject'), department: text(formData, 'department'), priority: text(formData, 'priority') || null, message: text(formData, 'message'),
    serviceId: text(formData, 'serviceId') || null, orderCode: text(formData, 'orderCode') || null, attachmentIds: attachmentIds(formData),
  };
  const result = await portalQuery<{ openTicket: Payload }>(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } ${USER_ERRORS} } }`, { input });
  const id = result.data?.openTicket.ticket?.id;
  if (!id) return problem(result, 'openTicket');
  redirect(`/area/assistenza/${id}`);
}

/** A reply on the thread, or support's internal note when the form says so. */
export async function replyAction(_previous: TicketFormState, formData: FormData): Promise<TicketFormState> {
  const ticketId = text(formData, 'ticketId');
  const field = formData.get('internal') === 'on' ? 'addTicketNote' : 'replyToTicket';
  const type = field === 'addTicketNote' ? 'AddTicketNoteInput' : 'ReplyToTicketInput';
  const result = await portalQuery<Record<string, Payload>>(`mutation($input: ${type}!) { ${field}(input: $input) { ticket { id } ${USER_ERRORS} } }`, {
    input: { ticketId, message: text(formData, 'message'), attachmentIds: attachmentIds(formData) },
  });
  if (!result.data?.[field]?.ticket) return problem(result, field);
  redirect(`/area/assistenza/${ticketId}`);
}

/** Close, reopen or assign to oneself: the button's `do`; back to the ticket, a refusal as `?errore=CODE`. */
export async function ticketStatusAction(formData: FormData): Promise<void> {
  const ticketId = text(formData, 'ticketId');
  const field = ({ close: 'closeTicket', reopen: 'reopenTicket', assign: 'assignTicket' } as const)[text(formData, 'do') as 'close' | 'reopen' | 'assign'];
  if (!field) redirect(`/area/assistenza/${ticketId}`);
  const type = `${field[0].toUpperCase()}${field.slice(1)}Input`;
  const result = await portalQuery<Record<string, Payload>>(`mutation($input: ${type}!) { ${field}(input: $input) { ticket { id } ${USER_ERRORS} } }`, { input: { ticketId } });
  const code = result.data?.[field]?.userErrors[0]?.code;
  redirect(`/area/assistenza/${ticketId}${code ? `?errore=${code}` : ''}`);
}
