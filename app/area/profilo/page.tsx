import Link from 'next/link';
import { OutcomeNotice } from '@/components/outcome-notice';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { changePassword, requestEmailChange, saveProfile } from '@/portal/profile-actions';

export const metadata = { title: 'Profilo' };

interface Profile { viewer: { user: { email: string; name: string; locale: string | null; twoFactorEnabled: boolean } } }

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ fatto?: string; modulo?: string; errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { fatto, modulo, errore } = await searchParams;
  const { viewer: { user } } = await signedInQuery<Profile>('{ viewer { user { email name locale twoFactorEnabled } } }');
  const notice = (form: string, done: string) => <OutcomeNotice message={fatto === form ? done : null} error={modulo === form ? problemMessage(errore, locale) : null} />;
  return (
    <>
      <h1>{t.profile.title}</h1>
      <form action={saveProfile} className="card">
        <h2>{t.profile.details}</h2>
        {notice('profilo', t.profile.saved)}
        <label htmlFor="name">{t.profile.name}</label>
        <input id="name" name="name" defaultValue={user.name} maxLength={200} autoComplete="name" />
        <label htmlFor="locale">{t.profile.language}</label>
        <select id="locale" name="locale" defaultValue={user.locale ?? ''}>
          <option value="">{t.profile.accountLanguage}</option>
          <option value="it">Italiano</option>
          <option value="en">English</option>
        </select>
        <p><button type="submit">{t.profile.save}</button></p>
      </form>
      <form action={changePassword} className="card">
        <h2>{t.profile.password}</h2>
        {notice('password', t.profile.passwordChanged)}
        <input type="text" name="username" value={user.email} autoComplete="username" readOnly hidden />
        <label htmlFor="password-current">{t.profile.currentPassword}</label>
        <input id="password-current" name="currentPassword" type="password" autoComplete="current-password" required />
        <label htmlFor="password-new">{t.profile.newPassword}</label>
        <input id="password-new" name="newPassword" type="password" minLength={8} autoComplete="new-password" required />
        <p><button type="submit">{t.profile.changePassword}</button></p>
      </form>
      <form action={requestEmailChange} className="card">
        <h2>{t.profile.email}</h2>
        {notice('email', t.profile.emailSent)}
        <p>{user.email}</p>
        <label htmlFor="email-new">{t.profile.newEmail}</label>
        <input id="email-new" name="newEmail" type="email" maxLength={254} autoComplete="email" required />
        <label htmlFor="email-password">{t.profile.currentPassword}</label>
        <input id="email-password" name="currentPassword" type="password" autoComplete="current-password" required />
        <p><button type="submit">{t.profile.changeEmail}</button></p>
      </form>
      <div className="card">
        <h2>{t.secondFactor.title}</h2>
        <p>{user.twoFactorEnabled ? t.secondFactor.on : t.secondFactor.off}</p>
        <p><Link href="/due-fattori">{t.secondFactor.manage}</Link></p>
      </div>
      <div className="card">
        <h2>{t.profile.data}</h2>
        <p>{t.profile.dataBody}</p>
        <p><a href="/api/me/export" download>{t.profile.download}</a></p>
      </div>
    </>
  );
}
