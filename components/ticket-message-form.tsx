'use client';

import { useActionState, type ReactNode } from 'react';
import type { TicketFormState } from '@/portal/ticket-actions';

interface Labels { files: string; submit: string; uploadFailed: string }

/**
 * A ticket's message form: its files are uploaded first to /api/tickets/attachments (their own size limit, the
 * server action's body being 1 MB), then the action is sent their ids with the rest of the form.
 */
export function TicketMessageForm({ action, labels, uploadErrors, children }: {
  action: (previous: TicketFormState, formData: FormData) => Promise<TicketFormState>;
  labels: Labels;
  /** The message of each upload refusal's code, in the visitor's language. */
  uploadErrors: Record<string, string>;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(async (previous: TicketFormState, formData: FormData): Promise<TicketFormState> => {
    const files = formData.getAll('file').filter((file): file is File => typeof file !== 'string' && file.size > 0);
    formData.delete('file');
    if (files.length) {
      const upload = new FormData();
      for (const file of files) upload.append('file', file);
      const response = await fetch('/api/tickets/attachments', { method: 'POST', body: upload });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) return { error: uploadErrors[body.userErrors?.[0]?.code] ?? labels.uploadFailed };
      formData.set('attachmentIds', body.attachments.map((attachment: { id: string }) => attachment.id).join(','));
    }
    return action(previous, formData);
  }, { error: null });
  return (
    <form action={formAction} className="ticket-form">
      {children}
      <label htmlFor="ticket-files">{labels.files}</label>
      <input id="ticket-files" name="file" type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.log,application/pdf,image/png,image/jpeg,image/gif,image/webp,text/plain" />
      <p><button type="submit" disabled={pending}>{labels.submit}</button></p>
      {state.error && <p role="alert" className="error">{state.error}</p>}
    </form>
  );
}
