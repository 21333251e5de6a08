import { TicketMessageForm } from '@/components/ticket-message-form';
import { signedInQuery } from '@/portal/graphql';
import { attachmentProblemMessages, getDictionary } from '@/portal/i18n';
import { openTicketAction } from '@/portal/ticket-actions';

export const metadata = { title: 'Nuova richiesta di assistenza' };

interface Related { services: { edges: { node: { id: string; domain: string; product: { name: string } } }[] }; orders: { edges: { node: { code: string } }[] } }

/** A new request: subject, department, priority, the service or order it is about, the message and files. */
export default async function NewTicketPage({ searchParams }: { searchParams: Promise<{ servizio?: string }> }) {
  const { locale, t } = await getDictionary();
  const { servizio } = await searchParams;
  const { services, orders } = await signedInQuery<Related>('{ services(first: 100) { edges { node { id domain product { name } } } } orders(first: 50) { edges { node { code } } } }');
  const uploadErrors = attachmentProblemMessages(locale);
  const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => <option key={value} value={value}>{label}</option>);
  return (
    <>
      <h1>{t.tickets.newTicket}</h1>
      <div className="card">
        <TicketMessageForm action={openTicketAction} labels={{ files: t.tickets.files, submit: t.tickets.send, uploadFailed: t.tickets.uploadFailed }} uploadErrors={uploadErrors}>
          <label htmlFor="subject">{t.tickets.subject}</label>
          <input id="subject" name="subject" required maxLength={200} />
          <label htmlFor="department">{t.tickets.department}</label>
          <select id="department" name="department" defaultValue="TECHNICAL">{options(t.tickets.departments)}</select>
          <label htmlFor="priority">{t.tickets.priority}</label>
          <select id="priority" name="priority" defaultValue="NORMAL">{options(t.tickets.priorities)}</select>
          <label htmlFor="serviceId">{t.tickets.service}</label>
          <select id="serviceId" name="serviceId" defaultValue={servizio ?? ''}>
            <option value="">{t.tickets.noneSelected}</option>
            {services.edges.map(({ node }) => <option key={node.id} value={node.id}>{node.domain} — {node.product.name}</option>)}
          </select>
          <label htmlFor="orderCode">{t.tickets.order}</label>
          <select id="orderCode" name="orderCode" defaultValue="">
            <option value="">{t.tickets.noneSelected}</option>
            {orders.edges.map(({ node }) => <option key={node.code} value={node.code}>{node.code}</option>)}
          </select>
          <label htmlFor="message">{t.tickets.message}</label>
          <textarea id="message" name="message" required rows={8} maxLength={50000} />
        </TicketMessageForm>
      </div>
    </>
  );
}
