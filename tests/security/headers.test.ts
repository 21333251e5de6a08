import type { NextConfig } from 'next';

const nextConfig: NextConfig = require('../../next.config.js');

async function headersFor(path: string): Promise<Record<string, string>> {
  const rules = await nextConfig.headers!();
  const matching = rules.filter((rule) => new RegExp(`^${rule.source.replace('/:path*', '(/.*)?')}$`).test(path));
  return Object.fromEntries(matching.flatMap((rule) => rule.headers.map((h) => [h.key.toLowerCase(), h.value])));
}

describe('security headers', () => {
  it.each(['/', '/login', '/area/scadenziario', '/admin/graphiql', '/api/graphql'])('are sent with %s', async (path) => {
    const headers = await headersFor(path);
    expect(headers).toMatchObject({
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-content-type-options': 'nosniff',
      'permissions-policy': expect.stringContaining('camera=()'),
    });
    const csp = Object.fromEntries(headers['content-security-policy'].split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(expect.arrayContaining(["'self'", 'https://js.stripe.com']));
    expect(csp['frame-src']).toContain('https://js.stripe.com');
    expect(csp['connect-src']).toEqual(["'self'", 'https://api.stripe.com']);
    expect(csp['worker-src']).toContain("'self'");
  });
});
