import fs from 'node:fs';
import path from 'node:path';
import { printAppSchema } from '@/graphql/schema';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema:print` after changing it)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(printAppSchema()).toBe(committed);
  });

  it('keeps the names API.md promises', () => {
    const schema = printAppSchema();
    for (const name of ['viewer: Viewer!', 'catalog: Catalog!', 'services(', 'expirySchedule(', 'createApiToken(input: CreateApiTokenInput!)', 'revokeApiToken(input: RevokeApiTokenInput!)',
      'clients(', 'accounts(', 'auditTrail(', 'createAccount(input: CreateAccountInput!)', 'provisionService(input: ProvisionServiceInput!)', 'recordOfflinePayment(input: RecordOfflinePaymentInput!)']) {
      expect(schema).toContain(name);
    }
    for (const field of ['priceCents: Int!', 'changeFeeCents: Int!', 'daysLeft: Int!', 'renewalPriceCents: Int!', 'totalCount: Int!', 'endCursor: String', 'recurringPriceCents: Int!']) {
      expect(schema).toContain(field);
    }
  });
});
