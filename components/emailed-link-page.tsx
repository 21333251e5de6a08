import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteHeader } from './site-header';

interface Props {
  title: string;
  /** The secret of the link, posted back with the form. */
  token: string | undefined;
  action: (formData: FormData) => Promise<void>;
  /** Once the form has done its work: the message, with a link to sign in. */
  done: string | null;
  signInLabel: string;
  error: string | null;
  submitLabel: string;
  children: ReactNode;
}

/** The page an emailed one-time link opens: a form posting the link's secret (a mail scanner following the link changes nothing). */
export function EmailedLinkPage({ title, token, action, done, signInLabel, error, submitLabel, children }: Props) {
  return (
    <>
      <SiteHeader />
      <main id="main">
        <div className="card narrow">
          <h1>{title}</h1>
          {done ? <p role="status">{done} <Link href="/login">{signInLabel}</Link></p> : (
            <form action={action}>
              <input type="hidden" name="token" value={token ?? ''} />
              {children}
              {error && <p role="alert" className="error">{error}</p>}
              <p><button type="submit">{submitLabel}</button></p>
            </form>
          )}
        </div>
      </main>
    </>
  );
}
