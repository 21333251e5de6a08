import { notFound } from 'next/navigation';
import { StatusBadge } from '@/components/status-badge';
import { TicketMessageForm } from '@/components/ticket-message-form';
import { dateTime } from '@/portal/format';
import { signedInQuery } from '@/portal/graphql';
import { attachmentProblemMessages, getDictionary, problemMessage } from '@/portal/i18n';
import { replyAction, ticketStatusAction } from '@/portal/ticket-actions';

export const metadata = { title: 'Richiesta di assistenza' };

interface Attachment { id: string; fileName: string; sizeBytes: number; url: string }
interface Message { id: string; author: string; fromSupport: boolean; internal: boolean; channel: string; body: string; createdAt: string; attachments: Attachment[] }
interface TicketView {
  ticket: {
    id: string; reference: string; subject: string; status: string; department: string; priority: string; kind: string; assignedToMe: boolean;
    account: { name: string }; service: { domain: string } | null; order: { code: string } | null; messages: Message[];
  } | null;
  viewer: { user: { role: string } };
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** A ticket's thread, its attachments, and the reply form; for the back office also notes, assignment, close and reopen. */
export default async function TicketPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { id } = await params;
  const { errore } = await searchParams;
  const { ticket, viewer } = await signedInQuery<TicketView>(`query($id: ID!) { viewer { user { role } } ticket(id: $id) {
    id reference subject status department priority kind assignedToMe account { name } service { domain } order { code }
    messages { id author fromSupport internal channel body createdAt attachments { id fileName sizeBytes url } } } }`, { id });
  if (!ticket) notFound();
  const backOffice = viewer.user.role !== 'USER';
  const uploadErrors = attachmentProblemMessages(locale);
  const statusButton = (action: 'close' | 'reopen' | 'assign', label: string) => (
    <form action={ticketStatusAction} className="inline-form">
      <input type="hidden" name="ticketId" value={ticket.id} />
      <input type="hidden" name="do" value={action} />
      <button type="submit">{label}</button>
    </form>
  );
  return (
    <>
      <h1>{ticket.reference} {ticket.subject}</h1>
      <div className="card">
        <p>
          <StatusBadge status={ticket.status} label={t.tickets.statuses[ticket.status]} /> {t.tickets.departments[ticket.department]} · {t.tickets.priorities[ticket.priority]}
          {ticket.kind === 'CANCELLATION' && <> · {t.tickets.kinds.CANCELLATION}</>}
          {backOffice && <> · {ticket.account.name}</>}
          {ticket.service && <> · {ticket.service.domain}</>}
          {ticket.order && <> · {ticket.order.code}</>}
          {ticket.assignedToMe && <> · {t.tickets.assigned}</>}
        </p>
        {errore && <p role="alert" className="error">{problemMessage(errore, locale)}</p>}
        <div className="ticket-actions">
          {backOffice && !ticket.assignedToMe && statusButton('assign', t.tickets.assignMe)}
          {ticket.status === 'CLOSED' ? statusButton('reopen', t.tickets.reopen) : statusButton('close', t.tickets.close)}
        </div>
      </div>
      <section aria-labelledby="thread" className="card">
        <h2 id="thread">{t.tickets.thread}</h2>
        <ol className="thread">
          {ticket.messages.map((message) => (
            <li key={message.id} className={message.internal ? 'message internal' : message.fromSupport ? 'message support' : 'message'}>
              <p className="message-meta">
                <strong>{message.fromSupport ? `${t.tickets.support} (${message.author})` : message.author}</strong>{message.internal && <> · {t.tickets.internal}</>}
                {' '}· {dateTime(message.createdAt, locale)}{message.channel === 'EMAIL' && <> · {t.tickets.viaEmail}</>}
              </p>
              <p className="message-body">{message.body}</p>
              {message.attachments.length > 0 && (
                <ul>{message.attachments.map((a) => <li key={a.id}><a href={a.url} download>{a.fileName}</a> ({size(a.sizeBytes)})</li>)}</ul>
              )}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="reply" className="card">
        <h2 id="reply">{t.tickets.reply}</h2>
        {ticket.status === 'CLOSED' && !backOffice && <p>{t.tickets.closedHint}</p>}
        <TicketMessageForm action={replyAction} labels={{ files: t.tickets.files, submit: t.tickets.sendReply, uploadFailed: t.tickets.uploadFailed }} uploadErrors={uploadErrors}>
          <input type="hidden" name="ticketId" value={ticket.id} />
          <label htmlFor="message">{t.tickets.message}</label>
          <textarea id="message" name="message" required rows={6} maxLength={50000} />
          {backOffice && <label className="checkbox"><input type="checkbox" name="internal" /> {t.tickets.note}</label>}
        </TicketMessageForm>
      </section>
    </>
  );
}
