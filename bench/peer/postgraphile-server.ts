/**
 * The benchmark's peer: PostGraphile 5 (its "amber" preset, the schema it derives from the tables) serving
 * the portal's database over Node's HTTP server, in a process of its own so its CPU time is its own.
 * `DATABASE_URL` and `PORT` from the environment; prints "ready" once listening.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  // Ordering and filtering by every column, not only the indexed ones: the tree orders services by domain.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: Number(process.env.DB_POOL_SIZE ?? 20) } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false },
};

async function main(): Promise<void> {
  const instance = postgraphile(preset);
  const serv = instance.createServ(grafserv);
  const server = createServer();
  server.keepAliveTimeout = 60_000;
  serv.addTo(server);
  await instance.getSchema();
  server.listen(Number(process.env.PORT ?? 3102), '127.0.0.1', () => console.log('ready'));
  process.once('SIGTERM', () => {
    server.close();
    void Promise.resolve(instance.release()).finally(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
