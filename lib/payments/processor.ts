import type { DataSource } from 'typeorm';
import type { CardProcessor } from './card-processor';
import { stripeSettings } from './settings';
import { stripeProcessor } from './stripe-processor';
import { testProcessor } from './test-processor';

/** Configuration decides: Stripe with keys, the test processor without. */
export function cardProcessor(db: DataSource): CardProcessor {
  const stripe = stripeSettings();
  return stripe ? stripeProcessor(stripe) : testProcessor(db);
}
