'use client';

import { useActionState } from 'react';
import { createToken, type CreatedToken } from '@/portal/token-actions';

interface Labels { name: string; create: string; created: string }

export function TokenCreateForm({ labels }: { labels: Labels }) {
  const [state, action, pending] = useActionState<CreatedToken, FormData>(createToken, { secret: null, error: null });
  return (
    <form action={action}>
      <label htmlFor="token-name">{labels.name}</label>
      <input id="token-name" name="name" required maxLength={100} />
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
