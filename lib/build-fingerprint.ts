import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'graphql', 'entities', 'migrations', 'operations', 'domain', 'lib', 'portal', 'public'];
const FILES = ['package-lock.json', 'next.config.js', 'tsconfig.json'];

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
}

/** A digest of every source the production build is made from: a change means the build is stale. */
export function buildFingerprint(root: string): string {
  const files: string[] = FILES.map((file) => path.join(root, file)).filter((file) => fs.existsSync(file));
  for (const dir of SOURCES) walk(path.join(root, dir), files);
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}
