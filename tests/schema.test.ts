import fs from 'node:fs';
import path from 'node:path';
import { getNamedType, isObjectType } from 'graphql';
import { appSchema, printAppSchema } from '@/graphql/schema';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema:print` after changing it)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(printAppSchema()).toBe(committed);
  });

  it('keeps the names docs/api-conventions.md promises (Names are a contract)', () => {
    const schema = printAppSchema();
    for (const name of ['viewer: Viewer!', 'catalog: Catalog!', 'services(', 'expirySchedule(', 'createApiToken(input: CreateApiTokenInput!)', 'revokeApiToken(input: RevokeApiTokenInput!)',
      'clients(', 'accounts(', 'auditTrail(', 'createAccount(input: CreateAccountInput!)', 'provisionService(input: ProvisionServiceInput!)', 'recordOfflinePayment(input: RecordOfflinePaymentInput!)']) {
      expect(schema).toContain(name);
    }
    for (const field of ['priceCents: Int!', 'changeFeeCents: Int!', 'daysLeft: Int!', 'renewalPriceCents: Int!', 'totalCount: Int!', 'endCursor: String', 'recurringPriceCents: Int!']) {
      expect(schema).toContain(field);
    }
  });

  // Service.product is read as a plain field: the services a field returns must have their products
  // attached where they are loaded (Loaders.catalog.attachProducts). A new field here needs the same.
  it('has these fields returning services, each of them loading their products with them', () => {
    const fields = Object.values(appSchema().getTypeMap()).filter(isObjectType).flatMap((type) => Object.values(type.getFields())
      .filter((field) => getNamedType(field.type).name === 'Service').map((field) => `${type.name}.${field.name}`));
    expect(fields.sort()).toEqual([
      'Account.services', 'Cancellation.service', 'Domain.services', 'Order.service', 'ProvisionServicePayload.service', 'Query.service',
      'Quote.service', 'Service.parentService', 'ServiceEdge.node', 'WithdrawCancellationPayload.service',
    ]);
  });
});
