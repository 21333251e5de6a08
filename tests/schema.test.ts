import fs from 'node:fs';
import path from 'node:path';
import { getNamedType, isEnumType, isObjectType, type GraphQLObjectType } from 'graphql';
import { USER_ERROR_MESSAGES } from '@/domain/user-error-codes';
import { appSchema, printAppSchema } from '@/graphql/schema';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema:print` after changing it)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(printAppSchema()).toBe(committed);
  });

  it('keeps the names docs/api-conventions.md promises (Names are a contract)', () => {
    const schema = printAppSchema();
    for (const name of ['viewer: Viewer!', 'catalog: Catalog!', 'services(', 'expirySchedule(', 'createApiToken(input: CreateApiTokenInput!)', 'revokeApiToken(input: RevokeApiTokenInput!)',
      'clients(', 'accounts(', 'auditTrail(', 'createAccount(input: CreateAccountInput!)', 'provisionService(input: ProvisionServiceInput!)', 'recordOfflinePayment(input: RecordOfflinePaymentInput!)',
      'issueCreditNote(input: IssueCreditNoteInput!)']) {
      expect(schema).toContain(name);
    }
    for (const field of ['priceCents: Int!', 'changeFeeCents: Int!', 'daysLeft: Int!', 'renewalPriceCents: Int!', 'totalCount: Int!', 'endCursor: String', 'recurringPriceCents: Int!',
      'kind: InvoiceKind!', 'correctsInvoiceNumber: String', 'orderCode: String!', 'refundedAt: DateTime']) {
      expect(schema).toContain(field);
    }
  });

  it('lists every user error code in the enum UserErrorCode, the type of UserError.code and of nothing else', () => {
    const schema = appSchema();
    const codes = schema.getType('UserErrorCode');
    expect(isEnumType(codes) && codes.getValues().map((value) => [value.name, value.description])).toEqual(
      Object.entries(USER_ERROR_MESSAGES).map(([code, messages]) => [code, messages.en]));
    expect(String((schema.getType('UserError') as GraphQLObjectType).getFields().code.type)).toBe('UserErrorCode!');
    expect(printAppSchema()).toContain('enum UserErrorCode {');
  });

  // Service.product is read as a plain field: the services a field returns must have their products
  // attached where they are loaded (Loaders.catalog.attachProducts). A new field here needs the same.
  it('has these fields returning services, each of them loading their products with them', () => {
    const fields = Object.values(appSchema().getTypeMap()).filter(isObjectType).flatMap((type) => Object.values(type.getFields())
      .filter((field) => getNamedType(field.type).name === 'Service').map((field) => `${type.name}.${field.name}`));
    expect(fields.sort()).toEqual([
      'Account.services', 'Cancellation.service', 'Domain.services', 'Order.service', 'ProvisionServicePayload.service', 'Query.service',
      'Quote.service', 'Service.parentService', 'ServiceEdge.node', 'Ticket.service', 'WithdrawCancellationPayload.service',
    ]);
  });
});
