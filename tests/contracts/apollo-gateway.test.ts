/**
 * How Apollo Server (pinned in package.json) drives the gateway interface that graphql/compiled-executor.ts
 * implements to execute with graphql-jit: what it calls, in which order, and what each request hands the
 * executor. A failure names what an upgrade changed.
 */
import { ApolloServer } from '@apollo/server';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { compiledGateway } from '@/graphql/compiled-executor';

interface Context { caller: string }

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: { type: GraphQLString, args: { text: { type: new GraphQLNonNull(GraphQLString) } }, resolve: (_root, { text }: { text: string }, context: Context) => `${context.caller}: ${text}` },
      fails: { type: GraphQLString, resolve: () => { throw new Error('resolver failed'); } },
    },
  }),
});

const ECHO = 'query Echo($text: String!) { echo(text: $text) }';

/** A gateway that records Apollo's calls and executes with the one under test. */
function recordingGateway(calls: string[], requests: GatewayGraphQLRequestContext[]): GatewayInterface {
  const inner = compiledGateway(schema);
  return {
    onSchemaLoadOrUpdate(callback) {
      calls.push('onSchemaLoadOrUpdate');
      return inner.onSchemaLoadOrUpdate(callback);
    },
    async load(options) {
      calls.push(`load(${Object.keys(options).join()})`);
      const { executor } = await inner.load(options);
      const recorded: GatewayExecutor = (request) => {
        requests.push(request);
        return executor!(request);
      };
      return { executor: recorded };
    },
    async stop() {
      calls.push('stop');
    },
  };
}

describe("Apollo Server's gateway interface", () => {
  const calls: string[] = [];
  const requests: GatewayGraphQLRequestContext[] = [];
  const server = new ApolloServer<Context>({ gateway: recordingGateway(calls, requests), includeStacktraceInErrorResponses: false });
  const run = (query: string, variables: Record<string, unknown> = {}, caller = 'anna') =>
    server.executeOperation({ query, variables }, { contextValue: { caller } });
  const single = (response: Awaited<ReturnType<typeof run>>) => {
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  };

  beforeAll(() => server.start());

  it('is subscribed to with onSchemaLoadOrUpdate(callback), then load({ apollo }), when the server starts', () => {
    expect(calls).toEqual(['onSchemaLoadOrUpdate', 'load(apollo)']);
  });

  it("hands the executor the parsed document, the operation, its name, the request's variables and the context value", async () => {
    const response = await run(ECHO, { text: 'ciao' });
    expect(single(response)).toEqual({ data: { echo: 'anna: ciao' } });
    const [request] = requests;
    expect(request.document.kind).toBe('Document');
    expect(request.operation).toMatchObject({ kind: 'OperationDefinition', operation: 'query', variableDefinitions: [expect.objectContaining({ kind: 'VariableDefinition' })] });
    expect(request.operationName).toBe('Echo');
    expect(request.request.variables).toEqual({ text: 'ciao' });
    expect(request.context).toEqual({ caller: 'anna' });
  });

  it('hands the executor the same document object for the same query text: compiled queries are kept per document', async () => {
    await run(ECHO, { text: 'di nuovo' }, 'bruno');
    expect(requests).toHaveLength(2);
    expect(requests[1].document).toBe(requests[0].document);
    expect(requests[1].operationName).toBe('Echo');
  });

  it("answers a variable the executor's coercion refuses as BAD_USER_INPUT with status 400", async () => {
    const response = await run(ECHO, { text: 5 });
    expect(response.http.status).toBe(400);
    expect(single(response).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it("formats the executor's resolver errors with their path and code", async () => {
    const result = single(await run('{ fails }'));
    expect(result.data).toEqual({ fails: null });
    expect(result.errors).toEqual([expect.objectContaining({ message: 'resolver failed', path: ['fails'], extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
  });

  it('is stopped with stop() when the server stops', async () => {
    await server.stop();
    expect(calls.at(-1)).toBe('stop');
  });
});
