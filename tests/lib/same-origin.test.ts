import { isSameOrigin } from '@/lib/http/same-origin';

/** A POST as Next.js hands it to a route handler: its URL is built from the server's own name (localhost), whatever Host the browser sent. */
function post(headers: Record<string, string>): Request {
  return new Request('http://localhost:3000/api/graphql', { method: 'POST', headers });
}

describe('the same-origin check of portal-session requests', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    delete process.env.PORTAL_URL;
    delete process.env.NEXTAUTH_URL;
    process.env.PORT = '3000';
  });
  afterAll(() => { process.env = saved; });

  it('accepts the origin the request was served under, by either name', () => {
    expect(isSameOrigin(post({ host: 'localhost:3000', origin: 'http://localhost:3000' }))).toBe(true);
    expect(isSameOrigin(post({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }))).toBe(true);
    expect(isSameOrigin(post({ host: 'Portal.Example:3000', origin: 'http://portal.example:3000' }))).toBe(true);
  });

  it('accepts the public URL and requests without a browser', () => {
    process.env.NEXTAUTH_URL = 'https://clienti.example.it';
    expect(isSameOrigin(post({ host: '10.0.0.5:3000', origin: 'https://clienti.example.it' }))).toBe(true);
    expect(isSameOrigin(post({ host: '127.0.0.1:3000' }))).toBe(true);
  });

  it('refuses another site, another name of this server, another scheme or port', () => {
    expect(isSameOrigin(post({ host: '127.0.0.1:3000', origin: 'https://attacker.example' }))).toBe(false);
    expect(isSameOrigin(post({ host: '127.0.0.1:3000', origin: 'http://localhost:3000.attacker.example' }))).toBe(false);
    expect(isSameOrigin(post({ host: 'localhost:3000', origin: 'http://127.0.0.1:3000' }))).toBe(false);
    expect(isSameOrigin(post({ host: '127.0.0.1:3000', origin: 'https://127.0.0.1:3000' }))).toBe(false);
    expect(isSameOrigin(post({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:4000' }))).toBe(false);
    expect(isSameOrigin(post({ host: 'bad host', origin: 'null' }))).toBe(false);
  });
});
