import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import packageJson from '../../package.json';

const root = path.join(__dirname, '..', '..');

/** Packages whose private parts the code reaches into, each with the contract test that watches them. */
const PINNED: Record<string, string> = {
  typeorm: 'tests/contracts/typeorm.test.ts',
  '@apollo/server': 'tests/contracts/apollo-gateway.test.ts',
  '@apollo/server-gateway-interface': 'tests/contracts/apollo-gateway.test.ts',
  'graphql-jit': 'tests/contracts/graphql-jit.test.ts',
  pg: 'tests/contracts/pg.test.ts',
};

describe('packages whose internals the code relies on', () => {
  it.each(Object.entries(PINNED))('%s is declared at one exact version, the one installed, and watched by %s', (name, contract) => {
    const declared = (packageJson.dependencies as Record<string, string>)[name];
    expect(semver.valid(declared)).toBe(declared);
    const installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
    expect(installed).toBe(declared);
    expect(fs.existsSync(path.join(root, contract))).toBe(true);
  });
});
