import fs from 'node:fs';
import { printAppSchema } from '@/graphql/schema';

fs.writeFileSync('schema.graphql', printAppSchema());
console.log('Wrote schema.graphql');
