import { RowActionButton } from '@/components/row-action-button';
import { signedInQuery } from '@/portal/graphql';
import { dateTime } from '@/portal/format';
import { getDictionary } from '@/portal/i18n';
import { endOtherSessions, endSession } from '@/portal/session-actions';

export const metadata = { title: 'Sessioni' };

interface Sessions { sessions: { id: string; device: string; address: string; createdAt: string; lastSeenAt: string; current: boolean }[] }

export default async function SessionsPage() {
  const { locale, t } = await getDictionary();
  const { sessions } = await signedInQuery<Sessions>('{ sessions { id device address createdAt lastSeenAt current } }');
  return (
    <>
      <h1>{t.sessions.title}</h1>
      <p>{t.sessions.intro}</p>
      <div className="card">
        <div className="table-scroll">
          <table>
            <thead><tr><th scope="col">{t.sessions.device}</th><th scope="col">{t.sessions.address}</th><th scope="col">{t.sessions.createdAt}</th><th scope="col">{t.sessions.lastSeen}</th><th scope="col">{t.schedule.actions}</th></tr></thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <th scope="row">{session.device}{session.current ? <> <span className="badge">{t.sessions.current}</span></> : null}</th>
                  <td>{session.address}</td>
                  <td>{dateTime(session.createdAt, locale)}</td>
                  <td>{dateTime(session.lastSeenAt, locale)}</td>
                  <td>
                    <RowActionButton action={endSession} fields={{ id: session.id, current: String(session.current) }} label={t.sessions.end} ariaLabel={`${t.sessions.end} ${session.device} ${session.address}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {sessions.length > 1 ? <form action={endOtherSessions}><p><button type="submit">{t.sessions.endOthers}</button></p></form> : null}
      </div>
    </>
  );
}
