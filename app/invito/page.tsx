import { EmailedLinkPage } from '@/components/emailed-link-page';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { acceptInvitation } from '@/portal/user-actions';

export default async function InvitationPage({ searchParams }: { searchParams: Promise<{ token?: string; errore?: string; fatto?: string }> }) {
  const { locale, t } = await getDictionary();
  const { token, errore, fatto } = await searchParams;
  return (
    <EmailedLinkPage title={t.invitation.title} token={token} action={acceptInvitation} done={fatto ? t.invitation.done : null} signInLabel={t.login.submit}
      error={problemMessage(errore, locale)} submitLabel={t.invitation.accept}>
      <p>{t.invitation.body}</p>
      <label htmlFor="name">{t.invitation.name}</label>
      <input id="name" name="name" maxLength={200} autoComplete="name" />
      <label htmlFor="password">{t.invitation.password}</label>
      <input id="password" name="password" type="password" minLength={8} autoComplete="new-password" required />
    </EmailedLinkPage>
  );
}
