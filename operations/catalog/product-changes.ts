import type { Product } from '@/entities';
import type { Validation } from '../errors';

export interface FeaturesInput {
  webSpaceGb?: number | null;
  databases?: number | null;
  mailboxes?: number | null;
  additionalDomains?: number | null;
  pecMailboxes?: number | null;
  server?: boolean | null;
}

/** What the back office may set on a product; what is left out stays as it is. */
export interface ProductChangesInput {
  name?: string | null;
  priceCents?: number | null;
  changeFeeCents?: number | null;
  active?: boolean | null;
  features?: FeaturesInput | null;
}

export type ProductChanges = Partial<Pick<Product, 'name' | 'priceCents' | 'changeFeeCents' | 'active' | 'webSpaceGb' | 'databases' | 'mailboxes' | 'additionalDomains' | 'pecMailboxes' | 'server'>>;

const AMOUNTS = ['priceCents', 'changeFeeCents'] as const;
const COUNTS = ['webSpaceGb', 'databases', 'mailboxes', 'additionalDomains', 'pecMailboxes'] as const;

/** The given changes as column values, each checked (problems go to `validation`, naming the field). */
export function productChanges(input: ProductChangesInput, validation: Validation): ProductChanges {
  const changes: ProductChanges = {};
  if (input.name != null) {
    const name = input.name.trim();
    validation.check(name.length > 0 && name.length <= 100, 'name', 'INVALID', 'name is required (at most 100 characters)');
    changes.name = name;
  }
  for (const field of AMOUNTS) {
    const cents = input[field];
    if (cents == null) continue;
    validation.check(Number.isSafeInteger(cents) && cents >= 0, field, 'INVALID', `${field} must be a whole number of cents, not negative`);
    changes[field] = cents;
  }
  for (const field of COUNTS) {
    const count = input.features?.[field];
    if (count == null) continue;
    validation.check(Number.isInteger(count) && count >= 0, `features.${field}`, 'INVALID', `${field} must be a whole number, not negative`);
    changes[field] = count;
  }
  if (input.features?.server != null) changes.server = input.features.server;
  if (input.active != null) changes.active = input.active;
  return changes;
}
