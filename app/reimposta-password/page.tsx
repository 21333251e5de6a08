import Link from 'next/link';
import { SiteHeader } from '@/components/site-header';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { chooseNewPassword } from '@/portal/password-actions';

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string; errore?: string; fatto?: string }> }) {
  const { locale, t } = await getDictionary();
  const { token, errore, fatto } = await searchParams;
  return (
    <>
      <SiteHeader />
      <main id="main">
        <div className="card narrow">
          <h1>{t.reset.title}</h1>
          {fatto ? <p role="status">{t.reset.done} <Link href="/login">{t.login.submit}</Link></p> : (
            <form action={chooseNewPassword}>
              <input type="hidden" name="token" value={token ?? ''} />
              <label htmlFor="password">{t.reset.newPassword}</label>
              <input id="password" name="password" type="password" minLength={8} autoComplete="new-password" required />
              {errore && <p role="alert" className="error">{problemMessage(errore, locale)}</p>}
              <p><button type="submit">{t.reset.save}</button></p>
            </form>
          )}
        </div>
      </main>
    </>
  );
}
