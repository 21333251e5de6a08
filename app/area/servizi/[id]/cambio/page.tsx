import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OutcomeNotice } from '@/components/outcome-notice';
import { SERVICE_SUMMARY_FIELDS, ServiceSummary } from '@/components/service-summary';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { requestChange } from '@/portal/service-actions';

export const metadata = { title: 'Cambio servizio' };

type Features = Record<'webSpaceGb' | 'databases' | 'mailboxes' | 'additionalDomains' | 'pecMailboxes', number> & { server: boolean };
interface Product { code: string; name: string; priceCents: number; price: { formatted: string }; features: Features }
interface Data {
  service: { id: string; domain: string; expiresOn: string; daysLeft: number; product: { code: string; name: string; features: Features }; account: { name: string } } | null;
  catalog: { categories: { code: string; name: string; products: Product[] }[] };
}

const FEATURES: (keyof Features)[] = ['webSpaceGb', 'databases', 'mailboxes', 'additionalDomains', 'pecMailboxes', 'server'];

export default async function ChangeServicePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ categoria?: string; errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { id } = await params;
  const { categoria, errore } = await searchParams;
  const { service, catalog } = await signedInQuery<Data>(`query($id: ID!) {
    service(id: $id) { ${SERVICE_SUMMARY_FIELDS} }
    catalog { categories { code name products { code name priceCents price { formatted } features { webSpaceGb databases mailboxes additionalDomains server pecMailboxes } } } }
  }`, { id });
  if (!service) notFound();
  const category = catalog.categories.find((c) => c.code === categoria);
  const show = (feature: keyof Features, features: Features) => (feature === 'server' ? (features.server ? t.change.yes : t.change.no) : String(features[feature]));
  return (
    <>
      <h1>{t.change.title}</h1>
      <ServiceSummary service={service} locale={locale} label={t.change.current} />
      <OutcomeNotice error={problemMessage(errore, locale)} />
      {!category ? (
        <section className="card" aria-labelledby="categories">
          <h2 id="categories">{t.change.chooseCategory}</h2>
          <ul className="choice-grid">
            {catalog.categories.map((c) => (
              <li key={c.code}><Link className="choice" href={`/area/servizi/${id}/cambio?categoria=${c.code}`}>{c.name}</Link></li>
            ))}
          </ul>
        </section>
      ) : (
        <section className="card" aria-labelledby="products">
          <h2 id="products">{t.change.chooseProduct}: {category.name}</h2>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.schedule.service}</th><th scope="col">€</th>
                  {FEATURES.map((f) => <th scope="col" key={f}>{t.change.features[f]}</th>)}
                  <th scope="col"><span className="visually-hidden">{t.schedule.actions}</span></th>
                </tr>
              </thead>
              <tbody>
                <tr className="current-row">
                  <th scope="row">{service.product.code} <span className="muted">({t.change.currentBadge})</span></th><td />
                  {FEATURES.map((f) => <td key={f}>{show(f, service.product.features)}</td>)}<td />
                </tr>
                {category.products.map((p) => (
                  <tr key={p.code}>
                    <th scope="row">{p.code}<br /><span className="muted">{p.name}</span></th>
                    <td>{p.price.formatted} {t.change.perYear}</td>
                    {FEATURES.map((f) => <td key={f}>{show(f, p.features)}</td>)}
                    <td>
                      {p.code !== service.product.code && (
                        <form action={requestChange}>
                          <input type="hidden" name="serviceId" value={id} />
                          <input type="hidden" name="productCode" value={p.code} />
                          <button type="submit" aria-label={`${t.change.choose} ${p.code}`}>{t.change.choose}</button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p><Link href={`/area/servizi/${id}/cambio`}>{t.change.back}</Link></p>
        </section>
      )}
    </>
  );
}
