import { SiteHeader } from '@/components/site-header';
import { getDictionary } from '@/portal/i18n';
import { requestReset } from '@/portal/password-actions';

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ inviata?: string }> }) {
  const { t } = await getDictionary();
  const sent = (await searchParams).inviata === '1';
  return (
    <>
      <SiteHeader />
      <main id="main">
        <div className="card narrow">
          <h1>{t.reset.requestTitle}</h1>
          {sent ? <p role="status">{t.reset.sent}</p> : (
            <form action={requestReset}>
              <p>{t.reset.requestBody}</p>
              <label htmlFor="email">{t.login.email}</label>
              <input id="email" name="email" type="email" autoComplete="username" required />
              <p><button type="submit">{t.reset.send}</button></p>
            </form>
          )}
        </div>
      </main>
    </>
  );
}
