import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionSchema } from '../src/index';

describe('definition schema', () => {
  it('the committed schema.json is the one the code checks with (run `npm run schema`)', () => {
    const committed = JSON.parse(readFileSync(new URL('../schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(definitionSchema)));
  });
});

