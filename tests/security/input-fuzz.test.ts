import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputField, type GraphQLInputType, type GraphQLNamedType, type GraphQLObjectType,
} from 'graphql';
import type { DataSource } from 'typeorm';
import type { TextRule } from '@/domain/text';
import { appSchema } from '@/graphql/schema';
import { textRuleOf } from '@/graphql/text-rule';
import { createApiToken } from '@/operations/access/api-tokens';
import { renewService } from '@/operations/billing/renew-service';
import { cancelService } from '@/operations/quotes/cancel-service';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { requestServiceChange } from '@/operations/quotes/request-service-change';
import type { PaymentMethod } from '@/entities/order';
import { useGraphQLServer, type GraphQLResult } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';

/**
 * Every argument of every query and mutation, down to the fields of nested inputs, is sent values
 * nobody tuned for (NUL and other control characters, 10,000 characters, the empty string, emoji,
 * boundary integers, every enum value, random strings) by the back office, a reseller and its
 * client. The answer is a 4xx, a userError or a caller's error, never INTERNAL_SERVER_ERROR, and a
 * refused mutation writes nothing. The arguments come from the schema itself, so a new one is
 * fuzzed as soon as it exists.
 */
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;

type Role = 'admin' | 'reseller' | 'customer';
const ROLES: Role[] = ['admin', 'reseller', 'customer'];
type Args = Record<string, unknown>;

const schema = appSchema();
const unique = () => randomBytes(4).toString('hex');

let logins: Record<Role, Login | AccountLogin>;
let client: AccountLogin;
const world = { serviceId: '', orderCode: '', quoteId: '' };

const clientService = async () => (await newService(db, client.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' })).id;
const clientOrder = async (method: PaymentMethod) => renewService(db, client.actor, await clientService(), method);

/** Valid values, by `Owner.name` (an input type's field, or a root field's argument) or by name alone. */
const VALID: Record<string, () => unknown> = {
  'client.id': () => client.account.id,
  'service.id': () => world.serviceId,
  'quote.id': () => world.quoteId,
  'order.code': () => world.orderCode,
  'PayOrderInput.code': () => world.orderCode,
  'CreateProductInput.code': () => `FZ-${unique()}`.toUpperCase(),
  'UpdateProductInput.code': () => 'DED-S',
  'CreateAccountInput.email': () => `fuzz-${unique()}@example.test`,
  'RequestPasswordResetInput.email': () => 'nobody@example.test',
  'ProvisionServiceInput.domain': () => `fuzz-${unique()}.it`,
  serviceId: () => world.serviceId,
  quoteId: () => world.quoteId,
  accountId: () => client.account.id,
  clientId: () => client.account.id,
  productCode: () => 'HVPARK',
  targetProductCode: () => 'BUSINESS',
  categoryCode: () => 'VPS',
  password: () => 'una password lunga',
  token: () => 'made-up',
  name: () => 'Fuzz',
  priceCents: () => 100,
  cardNumber: () => '4242424242424242',
};

/**
 * Mutations whose call uses its object up (an order paid, a quote confirmed): a fresh, valid
 * baseline per caller, made again once a call has succeeded with it.
 */
const FRESH: Record<string, (role: Role) => Promise<Args>> = {
  recordOfflinePayment: async () => {
    const { order } = await clientOrder('BANK_TRANSFER');
    return { input: { orderCode: order.code, amountCents: order.totalCents, reference: `CRO ${unique()}` } };
  },
  confirmQuote: async () => ({ input: { quoteId: (await requestServiceChange(db, client.actor, { serviceId: await clientService(), targetProductCode: 'BUSINESS' })).id, paymentMethod: 'BANK_TRANSFER' } }),
  withdrawCancellation: async () => {
    const serviceId = await clientService();
    await confirmQuote(db, client.actor, { quoteId: (await cancelService(db, client.actor, { serviceId, reason: 'NO_LONGER_NEEDED' })).id });
    return { input: { serviceId } };
  },
  revokeApiToken: async (role) => ({ input: { id: (await createApiToken(db, logins[role].actor, 'to revoke')).record.id } }),
  payWithTestCard: async () => ({ input: { clientSecret: (await clientOrder('CARD')).cardPayment!.clientSecret, cardNumber: '4242424242424242' } }),
};

function byType(named: GraphQLNamedType): unknown {
  if (isEnumType(named)) return named.getValues()[0].name;
  switch (named.name) {
    case 'Int': return 1;
    case 'Boolean': return true;
    case 'Date': return '2026-07-02';
    case 'ID': return '0b7e6f1a-3c2d-4e5f-8a9b-0c1d2e3f4a5b';
    default: return 'fuzz';
  }
}

/** A valid value for `owner.name` of this type: required input fields filled in, optional ones left out. */
function validValue(owner: string, name: string, type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  const value = isInputObjectType(named)
    ? Object.fromEntries(Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, validValue(named.name, f.name, f.type)]))
    : (VALID[`${owner}.${name}`] ?? VALID[name])?.() ?? byType(named);
  return isListType(isNonNullType(type) ? type.ofType : type) ? [value] : value;
}

function genericBaseline(field: GraphQLField<unknown, unknown>): Args {
  return Object.fromEntries(field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => [arg.name, validValue(field.name, arg.name, arg.type)]));
}

/** One place a value goes: an argument, or a field of an input object inside one, with its declared text rule. */
interface Position { path: string[]; type: GraphQLInputType; rule: TextRule }

function positionsOf(holder: GraphQLArgument | GraphQLInputField, path: string[], seen: string[] = []): Position[] {
  const named = getNamedType(holder.type);
  if (!isInputObjectType(named)) return [{ path, type: holder.type, rule: textRuleOf(holder) }];
  if (seen.includes(named.name)) return [];
  return Object.values(named.getFields()).flatMap((f) => positionsOf(f, [...path, f.name], [...seen, named.name]));
}

const STRINGS = [
  'a\u0000b', 'x\u0007\u001b[2J', 'a\nb\r\tc', 'x'.repeat(10_000), '', '   ', 'Zoë — 日本語 👩‍💻🚀', '\ud800',
  'not-an-id', "'; DROP TABLE orders; --%_\\", ...fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { numRuns: 2, seed: 18 }),
];
/** Text that can never be right where it is sent: it must be refused, naming the field. */
const NEVER_TEXT = (value: unknown, { rule }: Position) => typeof value === 'string'
  && (['a\u0000b', 'x\u0007\u001b[2J', '\ud800'].includes(value) || (!rule.multiline && value === 'a\nb\r\tc') || [...value].length > rule.maxLength);
const INTS = [0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, ...fc.sample(fc.integer(), { numRuns: 1, seed: 18 })];
const DATES = ['0000-01-01', '0001-01-01', '9999-12-31', '2024-02-29', '2026-02-29', 'a\u0000b'];

function fuzzValues({ type, rule }: Position): unknown[] {
  const named = getNamedType(type);
  const nullable = isNonNullType(type) ? [] : [null];
  if (isEnumType(named)) return [...named.getValues().map((v) => v.name), 'NOT_A_VALUE', ...nullable];
  switch (named.name) {
    case 'Int': return [...INTS, ...nullable];
    case 'Boolean': return [true, false, 'true', ...nullable];
    case 'Date': return [...DATES, ...nullable];
    // the longest text its column holds, and one character more
    default: return [...STRINGS, 'é'.repeat(rule.maxLength), 'x'.repeat(rule.maxLength + 1), ...nullable];
  }
}

function withValue(args: Args, path: string[], value: unknown): Args {
  const copy = structuredClone(args);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

/** Every leaf field of the result to `depth` levels, so resolvers below the root run too. */
function selection(type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  const object = type as GraphQLObjectType;
  const fields = Object.values(object.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)));
  const parts = fields.flatMap((f) => {
    const named = getNamedType(f.type);
    if (isLeafType(named)) return [f.name];
    return depth > 1 && isObjectType(named) ? [`${f.name} { ${selection(named, depth - 1)} }`] : [];
  });
  return ['__typename', ...parts].join(' ');
}

function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const body = isLeafType(named) ? '' : `{ ${selection(named, kind === 'mutation' ? 2 : 4)} }`;
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${body} }`;
}

const WRITTEN = ['accounts', 'users', 'api_tokens', 'services', 'quotes', 'orders', 'order_lines', 'payments', 'invoices', 'cancellations', 'audit_events', 'notifications', 'products', 'lifecycle_runs', 'password_resets', 'test_card_intents'];
async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await db.query(`SELECT ${WRITTEN.map((table) => `(SELECT count(*) FROM "${table}")::int AS "${table}"`).join(', ')}`);
  return row;
}

interface Answer { status: number; errors: { message: string; extensions?: { code?: string; problems?: { field: string | null }[] } }[]; userErrors: { field: string | null }[] }

function answerOf(field: string, result: GraphQLResult): Answer {
  const payload = (result.body.data as Record<string, { userErrors?: { field: string | null }[] } | null> | undefined)?.[field];
  return { status: result.status, errors: (result.body.errors ?? []) as Answer['errors'], userErrors: payload?.userErrors ?? [] };
}

const refused = (answer: Answer) => answer.status >= 400 || answer.errors.length > 0 || answer.userErrors.length > 0;

/** The fields a refusal names: a mutation's userErrors, a query's BAD_USER_INPUT problems. */
const fieldsNamed = (answer: Answer) => [...answer.userErrors, ...answer.errors.flatMap((e) => e.extensions?.problems ?? [])].map((p) => p.field);

const show = (value: unknown) => (typeof value === 'string' && value.length > 60 ? `"${value.slice(0, 10)}…" (${value.length} chars)` : JSON.stringify(value));

interface Case { position: Position; value: unknown }

const describeCase = ({ position, value }: Case) => `${position.path.join('.')} = ${show(value)}`;

/** What is wrong with an answer: a crash; text that can never be right accepted, or refused without naming its field. */
function faultsOf(kind: 'query' | 'mutation', role: Role, c: Case, answer: Answer): string[] {
  const codes = answer.errors.map((e) => e.extensions?.code);
  if (answer.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) return [`${describeCase(c)}: ${answer.status} ${codes.join(', ')}`];
  if (!NEVER_TEXT(c.value, c.position)) return [];
  if (!refused(answer)) return [`${describeCase(c)}: accepted`];
  const path = c.position.path;
  const named = (kind === 'mutation' && path[0] === 'input' ? path.slice(1) : path).join('.');
  // A value given for a list is coerced into a list of one, named by its index (`events.0`).
  if (role === 'admin' && answer.status === 200 && !fieldsNamed(answer).some((field) => field === named || field === `${named}.0`)) {
    return [`${describeCase(c)}: refused without naming ${named} (${JSON.stringify(answer.errors[0]?.message ?? answer.userErrors)})`];
  }
  return [];
}

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  const reseller = await newAccount(db, { kind: 'RESELLER' });
  client = await newAccount(db, { resellerId: reseller.account.id });
  logins = { admin: await newAdmin(db), reseller, customer: client };
  world.serviceId = await clientService();
  world.orderCode = (await clientOrder('BANK_TRANSFER')).order.code;
  world.quoteId = (await requestServiceChange(db, client.actor, { serviceId: await clientService(), targetProductCode: 'BUSINESS' })).id;
});

const ROOTS = [['query', schema.getQueryType()!], ['mutation', schema.getMutationType()!]] as const;
const FIELDS = ROOTS.flatMap(([kind, type]) => Object.values(type.getFields()).filter((f) => f.args.length > 0).map((field) => ({ kind, field })));

describe('every argument of the schema, fuzzed', () => {
  it('finds the arguments of queries and mutations, nested input fields included', () => {
    const positions = FIELDS.flatMap(({ field }) => field.args.flatMap((arg) => positionsOf(arg, [arg.name])));
    expect(positions.map((p) => p.path.join('.'))).toEqual(expect.arrayContaining(['input.billing.country', 'input.reference', 'filter.entityId', 'search']));
  });

  describe.each(FIELDS.map(({ kind, field }) => [`${kind} ${field.name}`, kind, field] as const))('%s', (_, kind, field) => {
    it.each(ROLES)('as %s', async (role) => {
      const caller = { token: logins[role].token };
      const document = documentFor(kind, field);
      let baseline: Args | null = null;
      const freshBaseline = async () => (FRESH[field.name] ? FRESH[field.name](role) : genericBaseline(field));
      const send = async ({ position, value }: Case) => {
        const answer = answerOf(field.name, await api.gql(document, withValue(baseline!, position.path, value), caller));
        if (!refused(answer) && FRESH[field.name]) baseline = null; // used up: a fresh one for the next case
        return answer;
      };
      let cases = field.args.flatMap((arg) => positionsOf(arg, [arg.name])).flatMap((position) => fuzzValues(position).map((value) => ({ position, value })));
      // A field this caller may not use at all: only what must be refused before anything else is sent.
      baseline = await freshBaseline();
      const allowed = answerOf(field.name, await api.gql(document, baseline, caller));
      if (allowed.errors.some((e) => e.extensions?.code === 'FORBIDDEN')) cases = cases.filter((c) => NEVER_TEXT(c.value, c.position));
      if (!refused(allowed) && FRESH[field.name]) baseline = null;

      const failures: string[] = [];
      if (kind === 'query') {
        // queries write nothing: several at a time
        for (let i = 0; i < cases.length; i += 8) {
          const batch = cases.slice(i, i + 8);
          const answers = await Promise.all(batch.map(send));
          batch.forEach((c, j) => failures.push(...faultsOf(kind, role, c, answers[j])));
        }
      } else {
        let counts = await rowCounts();
        for (const c of cases) {
          if (!baseline) {
            baseline = await freshBaseline();
            counts = await rowCounts();
          }
          const answer = await send(c);
          failures.push(...faultsOf(kind, role, c, answer));
          const now = await rowCounts();
          if (refused(answer) && JSON.stringify(now) !== JSON.stringify(counts)) failures.push(`${describeCase(c)}: refused, yet wrote ${WRITTEN.filter((t) => now[t] !== counts[t]).join(', ')}`);
          counts = now;
        }
      }
      expect(failures).toEqual([]);
    });
  });
});
