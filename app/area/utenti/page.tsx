import { OutcomeNotice } from '@/components/outcome-notice';
import { RowActionButton } from '@/components/row-action-button';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { inviteUser, removeUser, updateUserRole } from '@/portal/user-actions';

export const metadata = { title: 'Utenti' };

type Role = 'OWNER' | 'BILLING' | 'TECHNICAL' | 'READ_ONLY';
const ROLES: Role[] = ['OWNER', 'BILLING', 'TECHNICAL', 'READ_ONLY'];
interface Users { users: { id: string; email: string; name: string; accountRole: Role }[] }

function RoleSelect({ id, selected, labels }: { id: string; selected: Role; labels: Record<Role, string> }) {
  return <select id={id} name="role" defaultValue={selected}>{ROLES.map((role) => <option key={role} value={role}>{labels[role]}</option>)}</select>;
}

/** The account's logins (owners only): roles changed, logins removed, new ones invited. */
export default async function UsersPage({ searchParams }: { searchParams: Promise<{ fatto?: string; errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { fatto, errore } = await searchParams;
  const { users } = await signedInQuery<Users>('{ users { id email name accountRole } }');
  const u = t.users;
  return (
    <>
      <h1>{u.title}</h1>
      <p>{u.intro}</p>
      <OutcomeNotice message={fatto === 'invito' ? u.invited : null} error={problemMessage(errore, locale)} />
      <div className="card">
        <div className="table-scroll">
          <table>
            <thead><tr><th scope="col">{u.email}</th><th scope="col">{u.name}</th><th scope="col">{u.role}</th><th scope="col">{t.schedule.actions}</th></tr></thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.email}</th>
                  <td>{user.name}</td>
                  <td>
                    <form action={updateUserRole}>
                      <input type="hidden" name="userId" value={user.id} />
                      <label htmlFor={`role-${user.id}`} className="visually-hidden">{u.role} {user.email}</label>
                      <RoleSelect id={`role-${user.id}`} selected={user.accountRole} labels={u.roles} />{' '}
                      <button type="submit" className="secondary" aria-label={`${u.change} ${user.email}`}>{u.change}</button>
                    </form>
                  </td>
                  <td>
                    <RowActionButton action={removeUser} fields={{ userId: user.id }} label={u.remove} ariaLabel={`${u.remove} ${user.email}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <form action={inviteUser} className="card">
        <h2>{u.invite}</h2>
        <label htmlFor="invite-email">{u.email}</label>
        <input id="invite-email" name="email" type="email" maxLength={254} required />
        <label htmlFor="invite-role">{u.role}</label>
        <RoleSelect id="invite-role" selected="READ_ONLY" labels={u.roles} />
        <p><button type="submit">{u.send}</button></p>
      </form>
    </>
  );
}
