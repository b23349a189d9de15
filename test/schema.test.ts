import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionSchema } from '../src/index';
import { checkRegex } from '../src/compile/regexSafety';

describe('definition schema', () => {
  it('the committed schemas/form-definition.schema.json is the one the code checks with (run `npm run schema`)', () => {
    const committed = JSON.parse(readFileSync(new URL('../schemas/form-definition.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(definitionSchema)));
  });
});

describe('regex safety', () => {
  it.each(['^(a+)+$', '(a|a)*', '(\\d|\\w)+', '^([a-z0-9]+[-.]?)+$', '(.*a){12}', '(x\\d+\\d+)+', '^(\\w+\\s?)*$'])('rejects %s', (pattern) => {
    expect(checkRegex(pattern).safe).toBe(false);
  });

  it.each(['^1[3-9]\\d{9}$', '^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$', '^(\\d{3}-)+$', '(ab|cd)*', '^[\\u4e00-\\u9fa5]{2,20}$', '^(\\d{3,4}-)?\\d{7,8}$'])('accepts %s', (pattern) => {
    expect(checkRegex(pattern)).toEqual({ safe: true });
  });
});
