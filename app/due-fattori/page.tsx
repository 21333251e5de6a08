import { SecondFactorEnrolment } from '@/components/second-factor-enrolment';
import { SignOutButton } from '@/components/sign-out-button';
import { SiteHeader } from '@/components/site-header';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { disableSecondFactor } from '@/portal/second-factor-actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Verifica in due passaggi' };

interface Viewer { viewer: { user: { email: string; twoFactorEnabled: boolean; twoFactorRequired: boolean } } }

/** Two-factor login: enrolment (where a back-office login without it is taken before anything else), or turning it off. */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { errore } = await searchParams;
  const { viewer: { user } } = await signedInQuery<Viewer>('{ viewer { user { email twoFactorEnabled twoFactorRequired } } }');
  const s = t.secondFactor;
  return (
    <>
      <SiteHeader>
        <span className="who">{user.email}</span>
        <SignOutButton label={t.nav.logout} />
      </SiteHeader>
      <main id="main">
        <div className="card narrow">
          <h1>{s.title}</h1>
          <p>{user.twoFactorEnabled ? s.on : user.twoFactorRequired ? s.required : s.off}</p>
          {!user.twoFactorEnabled && <SecondFactorEnrolment labels={s} />}
          {user.twoFactorEnabled && !user.twoFactorRequired && (
            <form action={disableSecondFactor}>
              <h2>{s.disable}</h2>
              <input type="text" name="username" value={user.email} autoComplete="username" readOnly hidden />
              <label htmlFor="disable-password">{s.currentPassword}</label>
              <input id="disable-password" name="currentPassword" type="password" autoComplete="current-password" required />
              <label htmlFor="disable-code">{s.disableCode}</label>
              <input id="disable-code" name="code" autoComplete="one-time-code" required />
              {errore && <p role="alert" className="error">{problemMessage(errore, locale)}</p>}
              <p><button type="submit" className="secondary">{s.disable}</button></p>
            </form>
          )}
        </div>
      </main>
    </>
  );
}
