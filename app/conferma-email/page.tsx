import { EmailedLinkPage } from '@/components/emailed-link-page';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { confirmEmailChange } from '@/portal/profile-actions';

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string; errore?: string; fatto?: string }> }) {
  const { locale, t } = await getDictionary();
  const { token, errore, fatto } = await searchParams;
  return (
    <EmailedLinkPage title={t.confirmEmail.title} token={token} action={confirmEmailChange} done={fatto ? t.confirmEmail.done : null} signInLabel={t.login.submit}
      error={problemMessage(errore, locale)} submitLabel={t.confirmEmail.confirm}>
      <p>{t.confirmEmail.body}</p>
    </EmailedLinkPage>
  );
}
