import { Kind, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Extensions } from 'type-graphql';

/**
 * Declares the entity properties a computed field reads, so that a list can load only the columns
 * its query needs; a computed field without it needs the whole entity. On a plain field that is not
 * a column (filled in after loading, like a service's product): the properties it is filled from.
 */
export function Reads(...properties: string[]): MethodDecorator & PropertyDecorator {
  return Extensions({ reads: properties });
}

function fieldsOf(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined): FieldNode[] {
  return (selectionSet?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(info, selection.selectionSet);
    return fieldsOf(info, info.fragments[selection.name.value]?.selectionSet);
  });
}

/**
 * The fields the query selects at `path` below the field being resolved, through fragments, with
 * every occurrence of a name merged (directives are not looked at: a skipped field counts as selected).
 */
export function selectedAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let fields: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) fields = fields.flatMap((field) => fieldsOf(info, field.selectionSet)).filter((field) => field.name.value === name);
  return fields.flatMap((field) => fieldsOf(info, field.selectionSet));
}

/**
 * The entity properties that answer these fields of `type`, `always` included; null when one of
 * them needs the whole entity (a computed field that does not declare what it reads). `columns` are
 * the entity's properties that are columns.
 */
export function propertiesFor(type: GraphQLObjectType, columns: ReadonlySet<string>, fields: readonly FieldNode[], always: readonly string[]): string[] | null {
  const properties = new Set(always);
  const definitions = type.getFields();
  for (const { name: { value: name } } of fields) {
    if (name === '__typename') continue;
    const definition = definitions[name];
    const column = !definition?.resolve && columns.has(name);
    const reads = definition?.extensions.reads ?? (column ? [name] : null);
    if (!Array.isArray(reads)) return null;
    for (const property of reads) properties.add(property);
  }
  return [...properties];
}
