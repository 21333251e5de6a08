'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

interface Labels { email: string; password: string; submit: string; wrong: string; tooMany: string; code: string; codeNeeded: string; wrongCode: string }

/** Email and password; for a login with two-factor login, a second step asks for the code (the password is sent again with it). */
export function LoginForm({ labels }: { labels: Labels }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [askCode, setAskCode] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await signIn('credentials', { email: form.get('email'), password: form.get('password'), code: form.get('code') ?? '', redirect: false });
    setBusy(false);
    if (result?.ok && !result.error) {
      router.push('/area');
      router.refresh();
    } else if (result?.error === 'SECOND_FACTOR_REQUIRED') {
      setAskCode(true);
      setError(labels.codeNeeded);
    } else {
      const messages: Record<string, string> = { TOO_MANY_ATTEMPTS: labels.tooMany, WRONG_CODE: labels.wrongCode };
      setError(messages[result?.error ?? ''] ?? labels.wrong);
    }
  }

  return (
    <form onSubmit={submit} noValidate={false}>
      <label htmlFor="email">{labels.email}</label>
      <input id="email" name="email" type="email" autoComplete="username" required readOnly={askCode} />
      <label htmlFor="password">{labels.password}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required readOnly={askCode} />
      {askCode && (
        <>
          <label htmlFor="code">{labels.code}</label>
          <input id="code" name="code" autoComplete="one-time-code" required autoFocus maxLength={20} />
        </>
      )}
      <p role="alert" className="error">{error}</p>
      <p><button type="submit" disabled={busy}>{labels.submit}</button></p>
    </form>
  );
}
