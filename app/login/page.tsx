import Link from 'next/link';
import { SiteHeader } from '@/components/site-header';
import { getDictionary } from '@/portal/i18n';
import { LoginForm } from './login-form';

export const metadata = { title: 'Login' };

export default async function LoginPage() {
  const { t } = await getDictionary();
  return (
    <>
      <SiteHeader />
      <main id="main">
        <div className="card narrow">
          <h1>{t.login.title}</h1>
          <LoginForm labels={t.login} />
          <p><Link href="/password-dimenticata">{t.login.forgot}</Link></p>
        </div>
      </main>
    </>
  );
}
