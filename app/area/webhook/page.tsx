import Link from 'next/link';
import { OutcomeNotice } from '@/components/outcome-notice';
import { RowActionButton } from '@/components/row-action-button';
import { SecretForm } from '@/components/secret-form';
import { WEBHOOK_EVENTS } from '@/domain/webhooks';
import { dateTime } from '@/portal/format';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { createEndpoint, deleteEndpoint, redeliver, rotateEndpointSecret } from '@/portal/webhook-actions';

export const metadata = { title: 'Webhook' };

interface Endpoint { id: string; url: string; events: string[]; createdAt: string }
interface Attempt { statusCode: number | null; durationMs: number; responseExcerpt: string | null; error: string | null }
interface Delivery { id: string; eventType: string; status: string; attempts: number; createdAt: string; attemptLog: Attempt[] }
interface Deliveries { webhookDeliveries: { edges: { node: Delivery }[] } }

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ endpoint?: string; esito?: string; errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const w = t.webhooks;
  const { endpoint: shown, esito, errore } = await searchParams;
  const { webhookEndpoints } = await signedInQuery<{ webhookEndpoints: Endpoint[] }>('{ webhookEndpoints { id url events createdAt } }');
  const selected = webhookEndpoints.find((endpoint) => endpoint.id === shown);
  const deliveries = selected && (await signedInQuery<Deliveries>(
    `query($id: ID!) { webhookDeliveries(endpointId: $id, first: 50) { edges { node { id eventType status attempts createdAt
      attemptLog { statusCode durationMs responseExcerpt error } } } } }`, { id: selected.id })).webhookDeliveries.edges.map((edge) => edge.node);
  return (
    <>
      <h1>{w.title}</h1>
      <p>{w.intro}</p>
      <OutcomeNotice message={esito === 'reinviata' ? w.redelivered : null} error={problemMessage(errore, locale)} />
      <div className="card">
        <SecretForm action={createEndpoint} submit={w.create} revealed={w.created}>
          <label htmlFor="webhook-url">{w.url}</label>
          <input id="webhook-url" name="url" type="url" required maxLength={2000} placeholder="https://" />
          <fieldset>
            <legend>{w.events}</legend>
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="checkbox"><input type="checkbox" name="events" value={event} /> {w.names[event]} <code>{event}</code></label>
            ))}
          </fieldset>
        </SecretForm>
      </div>
      <div className="card">
        {!webhookEndpoints.length ? <p>{w.none}</p> : (
          <div className="table-scroll">
            <table>
              <thead><tr><th scope="col">{w.url}</th><th scope="col">{w.events}</th><th scope="col">{w.createdAt}</th><th scope="col">{t.schedule.actions}</th></tr></thead>
              <tbody>
                {webhookEndpoints.map((endpoint) => (
                  <tr key={endpoint.id}>
                    <th scope="row"><code>{endpoint.url}</code></th>
                    <td>{endpoint.events.map((event) => w.names[event] ?? event).join(', ')}</td>
                    <td>{dateTime(endpoint.createdAt, locale)}</td>
                    <td>
                      <Link href={`/area/webhook?endpoint=${endpoint.id}`}>{w.deliveries}</Link>
                      <SecretForm action={rotateEndpointSecret} submit={w.rotate} revealed={w.rotated} secondary><input type="hidden" name="id" value={endpoint.id} /></SecretForm>
                      <RowActionButton action={deleteEndpoint} fields={{ id: endpoint.id }} label={w.delete} ariaLabel={`${w.delete} ${endpoint.url}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {selected && deliveries && (
        <div className="card">
          <h2>{w.deliveriesOf} <code>{selected.url}</code></h2>
          {!deliveries.length ? <p>{w.noDeliveries}</p> : (
            <div className="table-scroll">
              <table>
                <thead><tr><th scope="col">{w.event}</th><th scope="col">{w.createdAt}</th><th scope="col">{w.status}</th><th scope="col">{w.attempts}</th><th scope="col">{w.lastAnswer}</th><th scope="col">{w.duration}</th><th scope="col">{w.excerpt}</th><th scope="col">{t.schedule.actions}</th></tr></thead>
                <tbody>
                  {deliveries.map((delivery) => {
                    const last = delivery.attemptLog.at(-1);
                    return (
                      <tr key={delivery.id}>
                        <th scope="row">{w.names[delivery.eventType] ?? delivery.eventType}</th>
                        <td>{dateTime(delivery.createdAt, locale)}</td>
                        <td>{w.statuses[delivery.status] ?? delivery.status}</td>
                        <td>{delivery.attempts}</td>
                        <td>{last ? (last.statusCode ?? last.error) : '—'}</td>
                        <td>{last ? `${last.durationMs} ms` : '—'}</td>
                        <td><code>{last?.responseExcerpt?.slice(0, 200) ?? ''}</code></td>
                        <td><RowActionButton action={redeliver} fields={{ deliveryId: delivery.id, endpointId: selected.id }} label={w.redeliver} ariaLabel={`${w.redeliver} ${delivery.eventType}`} /></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </>
  );
}
