// Writes schema.json from the TypeScript source of truth.
import { writeFileSync } from 'node:fs';
import { definitionSchema } from '../src/definition/definitionSchema';

writeFileSync(new URL('../schema.json', import.meta.url), `${JSON.stringify(definitionSchema, null, 2)}\n`);
console.log('wrote schema.json');
