import { EmailedLinkPage } from '@/components/emailed-link-page';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { chooseNewPassword } from '@/portal/password-actions';

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string; errore?: string; fatto?: string }> }) {
  const { locale, t } = await getDictionary();
  const { token, errore, fatto } = await searchParams;
  return (
    <EmailedLinkPage title={t.reset.title} token={token} action={chooseNewPassword} done={fatto ? t.reset.done : null} signInLabel={t.login.submit}
      error={problemMessage(errore, locale)} submitLabel={t.reset.save}>
      <label htmlFor="password">{t.reset.newPassword}</label>
      <input id="password" name="password" type="password" minLength={8} autoComplete="new-password" required />
    </EmailedLinkPage>
  );
}
