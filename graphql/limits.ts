import type { GraphQLResponse } from '@apollo/server';
import {
  BREAK, GraphQLError, Kind, visit, type ASTNode, type ASTVisitor, type DocumentNode, type GraphQLSchema, type SelectionSetNode, type ValidationContext, type ValidationRule,
} from 'graphql';
// Its CommonJS build, which loads the same copy of graphql as the schema (the ESM build imports graphql's .mjs files).
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import { memoPerObject } from '@/lib/memo';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@/operations/pagination';
import type { Context } from './context';

/** What one request may ask for; README's "Limits" explains the values. */
export const LIMITS = { maxTokens: 3000, maxDepth: 12, maxAliases: 30, maxCost: 10_000 } as const;

function tooMuch(message: string, code = 'GRAPHQL_VALIDATION_FAILED'): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** Nesting of fields, fragments expanded; introspection's own fields (`__schema`…) do not count. */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragmentDepth = new Map<string, number>();
    const depthOf = (selectionSet: SelectionSetNode, visiting: Set<string>): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (!selection.name.value.startsWith('__')) deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, visiting) : 0));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          if (!fragment || visiting.has(name)) continue; // unknown or cyclic fragments are reported by the standard rules
          if (!fragmentDepth.has(name)) {
            visiting.add(name);
            fragmentDepth.set(name, depthOf(fragment.selectionSet, visiting));
            visiting.delete(name);
          }
          deepest = Math.max(deepest, fragmentDepth.get(name)!);
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > max) context.reportError(tooMuch(`The query is ${depth} levels deep; at most ${max} are allowed`));
      },
    };
  };
}

/** Aliases in the document, so one request cannot repeat a field many times over. */
export function aliasLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > max) context.reportError(tooMuch(`The query uses ${aliases} aliases; at most ${max} are allowed`));
        },
      },
    };
  };
}

/** A page costs its items' fields times the page size (`first`, 20 when omitted); any other field costs 1. */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * Math.min(Math.max(first, 0), MAX_PAGE_SIZE);
};

function queryCost(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  return getComplexity({ schema, query, variables, operationName, estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })] });
}

const inProduction = () => process.env.NODE_ENV === 'production';

/** In production, only the back office may look inside the schema (introspection, "Did you mean" hints). */
function schemaHidden(context: Context): boolean {
  return inProduction() && !context.actor?.isAdmin;
}

// Apollo keeps one parsed document per query text: what depends on the document alone is worked out once.
const introspective = memoPerObject<DocumentNode, null, boolean>();
const variablesWeigh = memoPerObject<DocumentNode, null, boolean>();
const costOfDocument = memoPerObject<DocumentNode, string | undefined, number>();

function asksForIntrospection(document: DocumentNode): boolean {
  return introspective(document, null, () => hasNode(document, (node) =>
    node.kind === Kind.FIELD && (node.name.value === '__schema' || node.name.value === '__type')));
}

/** Whether a variable can change the cost: one given as a page size (`first`) or to @include/@skip (`if`). */
function costDependsOnVariables(document: DocumentNode): boolean {
  return variablesWeigh(document, null, () => hasNode(document, (node) =>
    node.kind === Kind.ARGUMENT && (node.name.value === 'first' || node.name.value === 'if') && node.value.kind === Kind.VARIABLE));
}

/** The cost of the operation; unless a variable can change it, it depends on the document alone. */
function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  if (variables && Object.keys(variables).length && costDependsOnVariables(document)) return queryCost(schema, document, variables, operationName);
  return costOfDocument(document, operationName, () => queryCost(schema, document, variables, operationName));
}

/** Whether some node of the document passes `test`. */
function hasNode(document: DocumentNode, test: (node: ASTNode) => boolean): boolean {
  let found = false;
  visit(document, {
    enter(node) {
      if (!test(node)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * The cost of the operation, refused past `LIMITS.maxCost`; 0 when variables that do not fit the operation
 * keep it from being measured (execution reports them).
 */
export function checkedCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  let cost: number;
  try {
    cost = operationCost(schema, document, variables, operationName);
  } catch (error) {
    if (error instanceof GraphQLError && error.message.startsWith('Variable "$')) return 0;
    throw tooMuch('The query is too large to run', 'QUERY_TOO_COMPLEX');
  }
  if (cost > LIMITS.maxCost) throw tooMuch(`The query would cost ${cost} points; at most ${LIMITS.maxCost} are allowed`, 'QUERY_TOO_COMPLEX');
  return cost;
}

/** In production, introspection is the back office's alone. */
export function assertIntrospectionAllowed(context: Context, document: DocumentNode): void {
  if (schemaHidden(context) && asksForIntrospection(document)) throw tooMuch('Introspection is available to the back office only');
}

/** In production, errors tell no one but the back office the schema's names ("Did you mean …"). */
export function hideSuggestions(context: Context, response: GraphQLResponse): void {
  if (response.body.kind !== 'single' || !response.body.singleResult.errors || !schemaHidden(context)) return;
  response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({ ...error, message: error.message.replace(/ Did you mean .*$/s, '') }));
}

export const QUERY_RULES = [depthLimit(LIMITS.maxDepth), aliasLimit(LIMITS.maxAliases)];
