import { RowActionButton } from '@/components/row-action-button';
import { TokenCreateForm } from '@/components/token-create-form';
import { signedInQuery } from '@/portal/graphql';
import { dateTime } from '@/portal/format';
import { getDictionary } from '@/portal/i18n';
import { revokeToken } from '@/portal/token-actions';

export const metadata = { title: 'Token API' };

interface Tokens { apiTokens: { id: string; name: string; displayPrefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }[] }

export default async function TokensPage() {
  const { locale, t } = await getDictionary();
  const { apiTokens } = await signedInQuery<Tokens>('{ apiTokens { id name displayPrefix createdAt lastUsedAt revokedAt } }');
  return (
    <>
      <h1>{t.tokens.title}</h1>
      <div className="card"><TokenCreateForm labels={{ name: t.tokens.name, create: t.tokens.create, created: t.tokens.created }} /></div>
      <div className="card">
        {!apiTokens.length ? <p>{t.tokens.none}</p> : (
          <div className="table-scroll">
            <table>
              <thead><tr><th scope="col">{t.tokens.name}</th><th scope="col">{t.tokens.prefix}</th><th scope="col">{t.tokens.createdAt}</th><th scope="col">{t.tokens.lastUsed}</th><th scope="col">{t.schedule.actions}</th></tr></thead>
              <tbody>
                {apiTokens.map((token) => (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td><code>{token.displayPrefix}…</code></td>
                    <td>{dateTime(token.createdAt, locale)}</td>
                    <td>{token.lastUsedAt ? dateTime(token.lastUsedAt, locale) : t.tokens.never}</td>
                    <td>
                      {token.revokedAt ? t.tokens.revoked : (
                        <RowActionButton action={revokeToken} fields={{ id: token.id }} label={t.tokens.revoke} ariaLabel={`${t.tokens.revoke} ${token.name}`} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
