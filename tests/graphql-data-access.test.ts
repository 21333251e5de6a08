import fs from 'node:fs';
import path from 'node:path';

/**
 * `graphql/` asks operations for data and never reaches the database itself (ARCHITECTURE.md: a
 * resolver checks who asks, calls one operation, maps the result). TypeORM may be named there for
 * its types only, and nothing there builds or runs a query.
 */
const GRAPHQL = path.join(__dirname, '..', 'graphql');

function sourcesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourcesUnder(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const sources = sourcesUnder(GRAPHQL).map((file) => ({ file: path.relative(GRAPHQL, file), text: fs.readFileSync(file, 'utf8') }));

/** Each offending line of every source under graphql/, as `file:line: text`. */
function offending(pattern: RegExp): string[] {
  return sources.flatMap(({ file, text }) => text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
}

describe('graphql/ holds no data access', () => {
  it('reads the files it checks', () => {
    expect(sources.map((source) => source.file)).toEqual(expect.arrayContaining(['loaders.ts', 'selection.ts', path.join('resolvers', 'clients.ts')]));
  });

  it('imports only types from TypeORM', () => {
    const imports = sources.flatMap(({ file, text }) => [...text.matchAll(/import\s+(type\s+)?[^;]*?from\s+'(typeorm[^']*)'/g)]
      .filter(([, typeOnly]) => !typeOnly).map(([statement]) => `${file}: ${statement}`));
    expect(imports).toEqual([]);
    expect(offending(/require\(\s*'typeorm/)).toEqual([]);
  });

  it('builds no query and runs no statement', () => {
    expect(offending(/\b(getRepository|createQueryBuilder|getMetadata|queryPrepared|queryDirect|selectEntities|selectingOnly|transaction)\s*\(/)).toEqual([]);
    // A repository's or manager's reads and writes (an entity class first, for the manager's writes).
    expect(offending(/\.(find(One|By|And|Column)\w*|countBy|save|upsert)\s*\(|\.find\(\s*\{|\.(insert|update|delete)\(\s*[A-Z]\w*\s*,/)).toEqual([]);
    // Any `.query(` call but graphql-jit's compiled query, whose first argument is the root value.
    expect(offending(/\.query\(\s*(?!undefined\b)/)).toEqual([]);
    expect(offending(/\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\s+["\w*]/)).toEqual([]);
  });
});
