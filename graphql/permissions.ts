import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { isBackOfficeField, roleMayUse } from '@/domain/access-roles';
import type { Actor } from '@/operations/actor';

/** The root fields an operation asks for, through its fragments too. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, document);
    const fragment = document.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
    return fragment ? rootFields(fragment.selectionSet, document) : [];
  });
}

/** Refuses an operation with a root field the caller's role may not use (FORBIDDEN naming it). */
export function assertRoleMayUse(actor: Actor | null, document: DocumentNode, operation: OperationDefinitionNode): void {
  const role = actor?.accountRole;
  if (!role) return;
  // The back office's own fields are left to their guards, which refuse every account login; support is refused here.
  const decided = (field: string) => role === 'SUPPORT' || !isBackOfficeField(field);
  const refused = rootFields(operation.selectionSet, document).find((field) => !field.startsWith('__') && decided(field) && !roleMayUse(role, field));
  if (refused) {
    throw new GraphQLError(`A ${role} login may not use ${refused}`, { extensions: { code: 'FORBIDDEN', reason: 'ROLE', http: { status: 403 } } });
  }
}
