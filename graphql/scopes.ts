import {
  getNamedType, GraphQLError, isObjectType, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { isPayloadType, NO_SCOPE, ROOT_FIELD_SCOPES, scopesGrant, TYPE_AREAS, type ApiScope } from '@/domain/api-scopes';
import { memoPerObject } from '@/lib/memo';
import type { Actor } from '@/operations/actor';

/** The scope reading an object type needs; none for types of no area (and payloads). Undeclared types are refused. */
function readScopeOf(type: GraphQLNamedType): ApiScope | null {
  if (!isObjectType(type) || type.name.startsWith('__') || isPayloadType(type.name)) return null;
  if (!(type.name in TYPE_AREAS)) throw new Error(`the object type ${type.name} has no area in domain/api-scopes.ts`);
  const area = TYPE_AREAS[type.name];
  return area ? `${area}:read` : null;
}

/**
 * Every scope the operation needs: each root field's own (domain/api-scopes.ts), and reading the area of every
 * object type a field returns, anywhere in the selection (fragments included).
 */
export function scopesNeeded(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Set<ApiScope> {
  const needed = new Set<ApiScope>();
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, root: boolean) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        if (root) {
          const decision = ROOT_FIELD_SCOPES[name];
          if (!decision) throw new Error(`the root field ${name} has no scope in domain/api-scopes.ts`);
          if (decision !== NO_SCOPE) needed.add(decision);
        }
        const field = isObjectType(parent) ? parent.getFields()[name] : undefined;
        if (!field) continue; // reported by validation
        const type = getNamedType(field.type);
        const scope = readScopeOf(type);
        if (scope) needed.add(scope);
        if (selection.selectionSet) walk(selection.selectionSet, type, false);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) ?? parent : parent, root);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, root);
      }
    }
  };
  const rootType = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (rootType) walk(operation.selectionSet, rootType, true);
  return needed;
}

// Apollo keeps one parsed document per query text: its scopes are worked out once per operation name.
const neededOfDocument = memoPerObject<DocumentNode, string | undefined, Set<ApiScope>>({ maxKeys: 16 });

/** Refuses an API token an operation needing a scope it was not given: FORBIDDEN naming the scope (HTTP 403). */
export function assertScopes(actor: Actor, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): void {
  if (!actor.scopes) return;
  const needed = neededOfDocument(document, operation.name?.value, () => scopesNeeded(schema, document, operation));
  for (const scope of needed) {
    if (!scopesGrant(actor.scopes, scope)) {
      throw new GraphQLError(`The API token lacks the scope ${scope}`, { extensions: { code: 'FORBIDDEN', reason: 'SCOPE', requiredScope: scope, http: { status: 403 } } });
    }
  }
}
