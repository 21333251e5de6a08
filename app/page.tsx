import Link from 'next/link';
import { SiteHeader } from '@/components/site-header';
import { getDictionary } from '@/portal/i18n';

export default async function HomePage() {
  const { t } = await getDictionary();
  return (
    <>
      <SiteHeader>
        <Link href="/area" className="button">{t.customerArea}</Link>
      </SiteHeader>
      <main id="main">
        <div className="card hero">
          <h1>{t.home.title}</h1>
          <p>{t.home.body}</p>
        </div>
      </main>
    </>
  );
}
