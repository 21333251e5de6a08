'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

interface Labels { email: string; password: string; submit: string; wrong: string; tooMany: string }

export function LoginForm({ labels }: { labels: Labels }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false });
    setBusy(false);
    if (result?.ok && !result.error) {
      router.push('/area');
      router.refresh();
    } else {
      setError(result?.error === 'TOO_MANY_ATTEMPTS' ? labels.tooMany : labels.wrong);
    }
  }

  return (
    <form onSubmit={submit} noValidate={false}>
      <label htmlFor="email">{labels.email}</label>
      <input id="email" name="email" type="email" autoComplete="username" required />
      <label htmlFor="password">{labels.password}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      <p role="alert" className="error">{error}</p>
      <p><button type="submit" disabled={busy}>{labels.submit}</button></p>
    </form>
  );
}
