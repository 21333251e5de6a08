import Link from 'next/link';

export default function HomePage() {
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">HostingVirtuale</Link>
        <Link href="/area" className="button">Area clienti</Link>
      </header>
      <main>
        <div className="card">
          <h1>Hosting, domini e server</h1>
          <p>Dal Pannello Clienti gestisci servizi, scadenze, ordini e fatture: rinnovi, cambi servizio e disdette in pochi passaggi.</p>
        </div>
      </main>
    </>
  );
}
