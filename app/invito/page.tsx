import Link from 'next/link';
import { SiteHeader } from '@/components/site-header';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { acceptInvitation } from '@/portal/user-actions';

export default async function InvitationPage({ searchParams }: { searchParams: Promise<{ token?: string; errore?: string; fatto?: string }> }) {
  const { locale, t } = await getDictionary();
  const { token, errore, fatto } = await searchParams;
  return (
    <>
      <SiteHeader />
      <main id="main">
        <div className="card narrow">
          <h1>{t.invitation.title}</h1>
          {fatto ? <p role="status">{t.invitation.done} <Link href="/login">{t.login.submit}</Link></p> : (
            <form action={acceptInvitation}>
              <input type="hidden" name="token" value={token ?? ''} />
              <p>{t.invitation.body}</p>
              <label htmlFor="name">{t.invitation.name}</label>
              <input id="name" name="name" maxLength={200} autoComplete="name" />
              <label htmlFor="password">{t.invitation.password}</label>
              <input id="password" name="password" type="password" minLength={8} autoComplete="new-password" required />
              {errore && <p role="alert" className="error">{problemMessage(errore, locale)}</p>}
              <p><button type="submit">{t.invitation.accept}</button></p>
            </form>
          )}
        </div>
      </main>
    </>
  );
}
