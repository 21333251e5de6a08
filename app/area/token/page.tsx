import { RowActionButton } from '@/components/row-action-button';
import { StatusBadge } from '@/components/status-badge';
import { TokenCreateForm } from '@/components/token-create-form';
import { API_SCOPES, type ApiScope } from '@/domain/api-scopes';
import { signedInQuery } from '@/portal/graphql';
import { date, dateTime } from '@/portal/format';
import { getDictionary } from '@/portal/i18n';
import { revokeToken } from '@/portal/token-actions';

export const metadata = { title: 'Token API' };

interface Token {
  id: string; name: string; displayPrefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null;
  scopes: ApiScope[] | null; clientId: string | null; expiresOn: string | null; expired: boolean;
}
interface Tokens { apiTokens: Token[]; viewer: { account: { kind: string } | null } }

export default async function TokensPage() {
  const { locale, t } = await getDictionary();
  const { apiTokens, viewer } = await signedInQuery<Tokens>(`{
    apiTokens { id name displayPrefix createdAt lastUsedAt revokedAt scopes clientId expiresOn expired }
    viewer { account { kind } } }`);
  // A reseller may limit a token to one of its clients: the first hundred by name are offered.
  const clients = viewer.account?.kind === 'RESELLER'
    ? (await signedInQuery<{ clients: { edges: { node: { id: string; name: string } }[] } }>('{ clients(first: 100) { edges { node { id name } } } }')).clients.edges.map((e) => e.node)
    : null;
  const clientName = (id: string) => clients?.find((client) => client.id === id)?.name ?? id;
  const labels = { ...t.tokens, scopeNames: API_SCOPES.map((scope): [string, string] => [scope, t.tokens.scopeNames[scope]]) };
  return (
    <>
      <h1>{t.tokens.title}</h1>
      <div className="card"><TokenCreateForm labels={labels} clients={clients} /></div>
      <div className="card">
        {!apiTokens.length ? <p>{t.tokens.none}</p> : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.tokens.name}</th><th scope="col">{t.tokens.prefix}</th><th scope="col">{t.tokens.scopes}</th><th scope="col">{t.tokens.client}</th>
                  <th scope="col">{t.tokens.expiry}</th><th scope="col">{t.tokens.createdAt}</th><th scope="col">{t.tokens.lastUsed}</th><th scope="col">{t.schedule.actions}</th>
                </tr>
              </thead>
              <tbody>
                {apiTokens.map((token) => (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td><code>{token.displayPrefix}…</code></td>
                    <td>{token.scopes ? <ul className="plain">{token.scopes.map((scope) => <li key={scope}>{t.tokens.scopeNames[scope] ?? scope}</li>)}</ul> : t.tokens.fullAccess}</td>
                    <td>{token.clientId ? clientName(token.clientId) : '—'}</td>
                    <td>{token.expiresOn ? <>{date(token.expiresOn, locale)}{token.expired && <> <StatusBadge status="DEACTIVATED" label={t.tokens.expired} /></>}</> : t.tokens.noExpiry}</td>
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
