import { LoginForm } from './login-form';

export default function LoginPage() {
  return (
    <main>
      <div className="card" style={{ maxWidth: 420, margin: '48px auto' }}>
        <h1>Accedi al Pannello Clienti</h1>
        <LoginForm />
      </div>
    </main>
  );
}
