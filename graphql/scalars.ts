import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from '@/domain/calendar';

function parseCalendarDate(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new GraphQLError('Date must be a calendar date written YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

// Outgoing dates come from `date` columns, valid by construction: a shape check is enough there,
// while incoming ones are validated as real calendar dates.
function serializeCalendarDate(value: unknown): string {
  if (typeof value === 'string' && DATE_SHAPE.test(value)) return value;
  throw new TypeError(`not a calendar date: ${String(value)}`);
}

/** A calendar date (Europe/Rome), `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date in Europe/Rome, written YYYY-MM-DD.',
  serialize: serializeCalendarDate,
  parseValue: parseCalendarDate,
  parseLiteral: (ast) => parseCalendarDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export { DateTimeResolver as DateTimeScalar } from 'graphql-scalars';
export { JSONObjectResolver as JSONObjectScalar } from 'graphql-scalars';
