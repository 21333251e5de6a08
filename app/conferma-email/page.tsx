import Link from 'next/link';
import { SiteHeader } from '@/components/site-header';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { confirmEmailChange } from '@/portal/profile-actions';

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string; errore?: string; fatto?: string }> }) {
  const { locale, t } = await getDictionary();
  const { token, errore, fatto } = await searchParams;
  return (
    <>
      <SiteHeader />
      <main id="main">
        <div className="card narrow">
          <h1>{t.confirmEmail.title}</h1>
          {fatto ? <p role="status">{t.confirmEmail.done} <Link href="/login">{t.login.submit}</Link></p> : (
            <form action={confirmEmailChange}>
              <input type="hidden" name="token" value={token ?? ''} />
              <p>{t.confirmEmail.body}</p>
              {errore && <p role="alert" className="error">{problemMessage(errore, locale)}</p>}
              <p><button type="submit">{t.confirmEmail.confirm}</button></p>
            </form>
          )}
        </div>
      </main>
    </>
  );
}
