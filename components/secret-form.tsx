'use client';

import { useActionState, type ReactNode } from 'react';
import type { RevealedSecret } from '@/portal/webhook-actions';

interface Props {
  action: (previous: RevealedSecret, formData: FormData) => Promise<RevealedSecret>;
  /** The form's fields. */
  children?: ReactNode;
  submit: string;
  /** Said above the secret, which is shown this once. */
  revealed: string;
  secondary?: boolean;
}

/** A form whose action makes a secret (a webhook endpoint, a rotation) and shows it here, once. */
export function SecretForm({ action, children, submit, revealed, secondary }: Props) {
  const [state, formAction, pending] = useActionState<RevealedSecret, FormData>(action, { secret: null, error: null });
  return (
    <form action={formAction}>
      {children}
      <p><button type="submit" className={secondary ? 'secondary' : undefined} disabled={pending}>{submit}</button></p>
      {state.error && <p role="alert" className="error">{state.error}</p>}
      {state.secret && (
        <div role="status" className="notice">
          <p>{revealed}</p>
          <code className="secret" data-testid="new-secret">{state.secret}</code>
        </div>
      )}
    </form>
  );
}
