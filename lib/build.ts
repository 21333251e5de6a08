import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isRunning } from './processes';

const SOURCES = ['app', 'components', 'graphql', 'entities', 'migrations', 'operations', 'domain', 'lib', 'portal', 'public'];
const FILES = ['package-lock.json', 'next.config.js', 'tsconfig.json', 'instrumentation.ts'];

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
}

/**
 * A digest of every source the production build of the Next.js app in `app` (a folder of `root`) is made
 * from, with the project's lockfile and configuration: a change means the build is stale.
 */
export function buildFingerprint(root: string, app = '.'): string {
  const dir = path.join(root, app);
  const files = [...new Set([root, dir].flatMap((base) => FILES.map((file) => path.join(base, file))))].filter((file) => fs.existsSync(file));
  for (const source of SOURCES) walk(path.join(dir, source), files);
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export const NEXT_BIN = path.join('node_modules', 'next', 'dist', 'bin', 'next');

/**
 * Runs `work` holding `.next-build.lock`: two starts at once (two browser test files, two terminals)
 * would otherwise run `next build` into the same `.next` together. A lock whose process is gone is taken over.
 */
function whileLocked(root: string, work: () => void): void {
  const lock = path.join(root, '.next-build.lock');
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lock, 'utf8'));
      if (holder > 0 && isRunning(holder)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
      else fs.rmSync(lock, { force: true });
    }
  }
  try {
    work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/**
 * Runs `next build` for the app in `app` (a folder of `root`) unless its last successful build was made from the
 * same sources (perhaps by another start, just now).
 */
export function buildIfNeeded(root: string, log: (line: string) => void, app = '.'): void {
  const dir = path.join(root, app);
  const stamp = path.join(dir, '.next', 'pannello-build-fingerprint');
  const fingerprint = buildFingerprint(root, app);
  whileLocked(dir, () => {
    const built = fs.existsSync(path.join(dir, '.next', 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === fingerprint;
    if (built) return;
    log(`Building ${app === '.' ? 'the portal' : app} (next build)…`);
    const result = spawnSync(process.execPath, [path.join(root, NEXT_BIN), 'build'], { cwd: dir, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (result.status !== 0) throw new Error('next build failed');
    fs.writeFileSync(stamp, fingerprint);
  });
}

/**
 * Node options for the server: a larger young generation, since every GraphQL response allocates
 * many short-lived objects (about 10% more throughput in bench/RESULTS.md). NODE_OPTIONS, when set, wins.
 */
export function serverNodeOptions(): string {
  return process.env.NODE_OPTIONS ?? '--max-semi-space-size=32';
}
