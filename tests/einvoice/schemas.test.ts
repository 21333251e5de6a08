import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XSD_DIR } from '../support/xsd';

it('vendors each schema with the SHA-256 its PROVENANCE.md states', () => {
  const provenance = readFileSync(path.join(XSD_DIR, 'PROVENANCE.md'), 'utf8');
  const stated = Object.fromEntries([...provenance.matchAll(/^\| `([^`]+\.xsd)` \|.*\| `([0-9a-f]{64})` \|$/gm)].map((m) => [m[1], m[2]]));
  const actual = Object.fromEntries(readdirSync(XSD_DIR).filter((name) => name.endsWith('.xsd'))
    .map((name) => [name, createHash('sha256').update(readFileSync(path.join(XSD_DIR, name))).digest('hex')]));
  expect(Object.keys(actual).sort()).toEqual(['MessaggiTypes_v1.1.xsd', 'Schema_VFPR12_v1.2.2.xsd', 'xmldsig-core-schema.xsd']);
  expect(actual).toEqual(stated);
});
