import { QuoteFreeDays1795977940515 } from './1795977940515-quote-free-days';
import { Initial1795977176813 } from './1795977176813-initial';

/** Every migration, oldest first. `npm run migration:generate` appends new ones here. */
export const MIGRATIONS = [Initial1795977176813, QuoteFreeDays1795977940515];
