import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import packageJson from '../package.json';
import lockfile from '../package-lock.json';

interface LockedPackage { dev?: boolean; engines?: { node?: unknown } }

const root = path.join(__dirname, '..');
const bundled = packageJson.optionalDependencies as Record<string, string>;
const lockedPackages = lockfile.packages as Record<string, LockedPackage>;
const withNodeEngines = Object.entries(lockedPackages)
  .filter(([dir, locked]) => dir !== '' && typeof locked.engines?.node === 'string')
  .map(([dir, locked]) => ({ dir, dev: locked.dev === true, range: locked.engines!.node as string }));

describe('the Node.js the project runs on', () => {
  it('is the one installed from the lockfile where npm has it for the platform, not the machine\'s own', () => {
    const expected = bundled[`node-${process.platform}-${process.arch}`];
    if (!expected) return; // elsewhere it is the machine's own, held to `engines`
    expect(process.versions.node).toBe(expected);
  });

  it('meets the engines of every package installed', () => {
    const installed = withNodeEngines.filter(({ dir }) => fs.existsSync(path.join(root, dir)));
    expect(installed.length).toBeGreaterThan(100);
    expect(installed.filter(({ range }) => !semver.satisfies(process.versions.node, range))).toEqual([]);
  });

  it('declares in `engines` a minimum every runtime dependency accepts', () => {
    const minimum = semver.minVersion(packageJson.engines.node)!.version;
    const refusing = withNodeEngines.filter(({ dir, dev, range }) => !dev && fs.existsSync(path.join(root, dir)) && !semver.satisfies(minimum, range));
    expect(refusing).toEqual([]);
  });
});
