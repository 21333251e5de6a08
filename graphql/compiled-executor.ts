import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { memoPerObject } from '@/lib/memo';

type Compiled = CompiledQuery | ExecutionResult;

/** graphql-jit's errors lack graphql-js's invariants (`extensions` is always an object) that Apollo relies on. */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const normalized = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions ?? {} });
  return Object.assign(normalized, { locations: error.locations });
}

/**
 * Executes operations with graphql-jit: each operation is compiled once into a function that walks
 * the selection without graphql-js's per-field bookkeeping. Apollo keeps one parsed document per
 * query text, so compiled operations are kept per document and die with it.
 */
function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compiled = memoPerObject<DocumentNode, string | null, Compiled>();
  const compile = (document: DocumentNode, operationName: string | null) =>
    compiled(document, operationName, () => compileQuery(schema, document, operationName ?? undefined));
  return async (request) => {
    const variables = request.request.variables ?? {};
    // graphql-js's coercion errors carry the variable's node, by which Apollo reports BAD_USER_INPUT with a 400.
    const coercion = getVariableValues(schema, request.operation.variableDefinitions ?? [], variables);
    if (coercion.errors) return { errors: coercion.errors } as never;
    const query = compile(request.document, request.operationName);
    const result = isCompiledQuery(query) ? await query.query(undefined, request.context, variables) : query;
    return (result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result) as never;
  };
}

/**
 * The schema handed to Apollo through its gateway interface, the one way it accepts an executor of
 * our choosing; parsing, validation, plugins and error formatting stay Apollo's.
 */
export function compiledGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    async load() {
      return { executor: compiledExecutor(schema) };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}
