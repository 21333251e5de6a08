/**
 * `npm run migration:generate -- <Name>`: migrates a scratch embedded database, diffs it against the
 * entities and writes the difference as a new migration, registered in migrations/index.ts.
 * Read the SQL before committing it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { schemaDiff } from '@/lib/db/schema-diff';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:generate -- PascalCaseName');
  const db = await startEmbeddedPostgres({
    dataDir: await fs.mkdtemp(path.join(os.tmpdir(), 'pannello-migration-')),
    port: 5499,
    database: 'scratch',
    persistent: false,
  });
  try {
    await migrate(db.url);
    const diff = await schemaDiff(db.url);
    if (!diff.up.length) { console.log('Entities and migrations agree: nothing to generate.'); return; }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const statement = (sql: string) => `    await queryRunner.query(\`${sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\`);`;
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${diff.up.map(statement).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${diff.down.map(statement).join('\n')}
  }
}
`;
    const fileName = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
    await fs.writeFile(path.join('migrations', `${fileName}.ts`), file);
    const indexPath = path.join('migrations', 'index.ts');
    const index = await fs.readFile(indexPath, 'utf8');
    const updated = `import { ${className} } from './${fileName}';\n` +
      index.replace(/MIGRATIONS = \[([^\]]*)\]/, (_all, list: string) => `MIGRATIONS = [${[...list.split(',').map((s) => s.trim()).filter(Boolean), className].join(', ')}]`);
    await fs.writeFile(indexPath, updated);
    console.log(`Wrote migrations/${fileName}.ts (${diff.up.length} statements); review it before committing.`);
  } finally {
    await db.stop();
  }
}

main().catch((error) => { console.error(error instanceof Error ? error.message : error); process.exitCode = 1; });
