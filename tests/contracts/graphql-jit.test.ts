/**
 * What graphql/compiled-executor.ts relies on in graphql-jit (pinned in package.json): compileQuery()'s
 * result, isCompiledQuery(), and how a compiled query runs. A failure names what an upgrade changed.
 */
import { GraphQLError, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

interface Seen { context: unknown }
const seen: Seen = { context: null };

const Item = new GraphQLObjectType({
  name: 'Item',
  fields: {
    // No resolver: read straight off the object, as PlainObjectType's fields are.
    name: { type: GraphQLString },
    doubled: { type: GraphQLInt, resolve: (item: { size: number }) => item.size * 2 },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: {
        type: new GraphQLList(Item),
        args: { count: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, { count }: { count: number }, context) => {
          seen.context = context;
          return Promise.resolve(Array.from({ length: count }, (_, i) => ({ name: `item ${i}`, size: i })));
        },
      },
      fails: { type: GraphQLString, resolve: () => { throw new Error('resolver failed'); } },
    },
  }),
});

const SOURCE = 'query Items($count: Int!) { items(count: $count) { name doubled } } query Fails { fails }';
const ITEMS = parse(SOURCE);

function compiled(operationName: string): CompiledQuery {
  const result = compileQuery(schema, ITEMS, operationName);
  if (!isCompiledQuery(result)) throw new Error(`not compiled: ${JSON.stringify(result.errors)}`);
  return result;
}

describe('graphql-jit', () => {
  it('compileQuery(schema, document, operationName) returns a compiled query that isCompiledQuery() recognises', () => {
    const query = compileQuery(schema, ITEMS, 'Items');
    expect(isCompiledQuery(query)).toBe(true);
    expect(typeof (query as CompiledQuery).query).toBe('function');
  });

  it("returns an ExecutionResult with errors, not a compiled query, for an operation the document lacks", () => {
    const result = compileQuery(schema, ITEMS, 'Missing');
    expect(isCompiledQuery(result)).toBe(false);
    expect((result as ExecutionResult).errors?.[0].message).toMatch(/Missing/);
  });

  it('query(root, context, variables) runs the compiled query again and again with each call\'s variables and context', async () => {
    const query = compiled('Items');
    const context = { request: 1 };
    expect(await query.query(undefined, context, { count: 2 })).toEqual({
      data: { items: [{ name: 'item 0', doubled: 0 }, { name: 'item 1', doubled: 2 }] },
    });
    expect(seen.context).toBe(context);
    expect(await query.query(undefined, { request: 2 }, { count: 1 })).toEqual({ data: { items: [{ name: 'item 0', doubled: 0 }] } });
  });

  it("reports a resolver's error as a GraphQLError with its message, path, locations and original error", async () => {
    const result = await compiled('Fails').query(undefined, {}, {});
    expect(result.data).toEqual({ fails: null });
    const [error] = result.errors!;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error).toMatchObject({ message: 'resolver failed', path: ['fails'], locations: [{ line: 1, column: SOURCE.lastIndexOf('fails') + 1 }] });
    expect(error.originalError?.message).toBe('resolver failed');
  });
});
