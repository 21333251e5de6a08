/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

const swc = ['@swc/jest', {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', tsx: true, decorators: true },
    // Rewritten at compile time, so the global setup (which jest does not map) resolves `@/` too.
    baseUrl: __dirname,
    paths: { '@/*': ['./*'] },
    transform: { legacyDecorator: true, decoratorMetadata: false, react: { runtime: 'automatic' } },
  },
  module: { type: 'commonjs' },
}];

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc as never },
  // ESM-only packages (and otplib's, for its ESM-only dependencies) are compiled to CommonJS like our own files.
  transformIgnorePatterns: ['/node_modules/(?!(temporal-polyfill|temporal-utils|@otplib|@scure/base|@noble/hashes)/)'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  setupFiles: ['<rootDir>/tests/support/env.ts'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};

export default config;
