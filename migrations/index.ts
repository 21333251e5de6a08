import { Initial1795977176813 } from './1795977176813-initial';

/** Every migration, oldest first. `npm run migration:generate` appends new ones here. */
export const MIGRATIONS = [Initial1795977176813];
