import {
  defaultFieldResolver, getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType,
  type GraphQLField, type GraphQLInputObjectType, type GraphQLInputType, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';
import { textProblem, type TextRule } from '@/domain/text';
import { UserInputError, type Problem } from '@/operations/errors';
import { textRuleOf } from './text-rule';

/** Adds the problems of one value, found at `path`, to `problems`. */
type Check = (value: unknown, path: string, problems: Problem[]) => void;

const at = (path: string, name: string) => (path ? `${path}.${name}` : name);

/** Text is checked whatever its scalar (String, ID, or a custom one that stays a string); enums are not text. */
function textCheck(rule: TextRule): Check {
  return (value, path, problems) => {
    if (typeof value !== 'string') return;
    const problem = textProblem(value, rule);
    if (problem) problems.push({ field: path, code: problem.code, message: `${path} ${problem.message}` });
  };
}

function objectCheck(type: GraphQLInputObjectType, checks: Map<GraphQLInputObjectType, Check>): Check {
  const known = checks.get(type);
  if (known) return known;
  let fields: [string, Check][] = [];
  const check: Check = (value, path, problems) => {
    if (value == null || typeof value !== 'object') return;
    for (const [name, checkField] of fields) checkField((value as Record<string, unknown>)[name], at(path, name), problems);
  };
  checks.set(type, check); // before its fields, for an input type that contains itself
  fields = Object.values(type.getFields()).map((field) => [field.name, checkOf(field.type, textRuleOf(field), checks)]);
  return check;
}

function checkOf(type: GraphQLInputType, rule: TextRule, checks: Map<GraphQLInputObjectType, Check>): Check {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = checkOf(nullable.ofType, rule, checks);
    return (value, path, problems) => {
      if (Array.isArray(value)) value.forEach((element, i) => item(element, at(path, String(i)), problems));
    };
  }
  if (isInputObjectType(nullable)) return objectCheck(nullable, checks);
  return isEnumType(nullable) ? () => {} : textCheck(rule);
}

/**
 * A mutation's payload carrying only its userErrors: false for its flags (`ok`), null for the rest.
 * A payload with another required field could not say "refused", so the schema does not build.
 */
function refusalPayload(payload: GraphQLObjectType): (problems: Problem[]) => unknown {
  const rest = Object.values(payload.getFields()).filter((field) => field.name !== 'userErrors');
  const values = Object.fromEntries(rest.map((field) => {
    if (!isNonNullType(field.type)) return [field.name, null];
    if (getNamedType(field.type).name === 'Boolean') return [field.name, false];
    throw new Error(`${payload.name}.${field.name} is required, so the payload cannot report refused input`);
  }));
  return (problems) => ({ ...values, userErrors: problems });
}

function refusalOf(field: GraphQLField<unknown, unknown>): (problems: Problem[]) => unknown {
  const type = getNullableType(field.type);
  if (isObjectType(type) && type.getFields().userErrors) return refusalPayload(type);
  return (problems) => {
    throw UserInputError.of(problems);
  };
}

/** The checks of a field's arguments; the fields of an argument named `input` are named as in userErrors, without it. */
function argumentsCheck(field: GraphQLField<unknown, unknown>, checks: Map<GraphQLInputObjectType, Check>): (args: Record<string, unknown>) => Problem[] {
  const each = field.args.map((arg) => [arg.name, checkOf(arg.type, textRuleOf(arg), checks)] as const);
  return (args) => {
    const problems: Problem[] = [];
    for (const [name, check] of each) check(args[name], name === 'input' ? '' : name, problems);
    return problems;
  };
}

/**
 * Checks every argument of every field before its resolver runs, walking input objects by their
 * types: text must be valid Unicode, without control characters (line breaks only where declared)
 * and no longer than its column (`@TextInput`); formats are the operations' rules. A refused
 * mutation answers its payload with userErrors, a query BAD_USER_INPUT; the resolver does not run.
 * A new argument is covered as soon as it is in the schema.
 */
export function validateInputs(schema: GraphQLSchema): GraphQLSchema {
  const checks = new Map<GraphQLInputObjectType, Check>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.length) continue;
      const problemsOf = argumentsCheck(field, checks);
      const refuse = refusalOf(field);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const problems = problemsOf(args);
        return problems.length ? refuse(problems) : resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
