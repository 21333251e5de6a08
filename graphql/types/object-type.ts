import { ObjectType, type ObjectTypeOptions } from 'type-graphql';

/**
 * An output type whose plain fields are read straight off the object. By default type-graphql wraps
 * every field in a resolver of its own (for field middlewares, which this API does not use), and a
 * page of the client tree would call some 800 of them; fields computed by resolver methods are
 * unaffected.
 */
export function PlainObjectType(name: string, options: ObjectTypeOptions = {}): ClassDecorator {
  return ObjectType(name, { ...options, simpleResolvers: true });
}
