'use client';

import { useActionState } from 'react';
import { createToken, type CreatedToken } from '@/portal/token-actions';

interface Labels {
  name: string; create: string; created: string; scopes: string; scopesHint: string; client: string; everyClient: string; expiresOn: string;
  /** Each scope's readable name, in the order the form offers them. */
  scopeNames: [string, string][];
}

/** The new token's name, scopes (none: full access), client (a reseller's) and last day. */
export function TokenCreateForm({ labels, clients }: { labels: Labels; clients: { id: string; name: string }[] | null }) {
  const [state, action, pending] = useActionState<CreatedToken, FormData>(createToken, { secret: null, error: null });
  return (
    <form action={action}>
      <label htmlFor="token-name">{labels.name}</label>
      <input id="token-name" name="name" required maxLength={100} />
      <fieldset aria-describedby="token-scopes-hint">
        <legend>{labels.scopes}</legend>
        <p id="token-scopes-hint" className="muted hint">{labels.scopesHint}</p>
        {labels.scopeNames.map(([scope, name]) => (
          <label key={scope} className="checkbox"><input type="checkbox" name="scopes" value={scope} /> {name} <code>{scope}</code></label>
        ))}
      </fieldset>
      {clients && (
        <div className="field">
          <label htmlFor="token-client">{labels.client}</label>
          <select id="token-client" name="clientId" defaultValue="">
            <option value="">{labels.everyClient}</option>
            {clients.map((client) => <option key={client.id} value={client.id}>{client.name}</option>)}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="token-expires">{labels.expiresOn}</label>
        <input id="token-expires" name="expiresOn" type="date" />
      </div>
      <p><button type="submit" disabled={pending}>{labels.create}</button></p>
      {state.error && <p role="alert" className="error">{state.error}</p>}
      {state.secret && (
        <div role="status" className="notice">
          <p>{labels.created}</p>
          <code className="secret" data-testid="new-token">{state.secret}</code>
        </div>
      )}
    </form>
  );
}
