import { describe, expect, it } from 'vitest';
import { compileForm } from '../src/index';
import { defineForm } from './helpers';

const form = compileForm(defineForm([
  { id: 'name', type: 'text', label: 'Name', required: true },
  { id: 'phone', type: 'text', label: 'Phone', format: 'cn-mobile' },
  { id: 'notes', type: 'textarea', label: 'Notes' },
  { id: 'tags', type: 'multiselect', label: 'Tags', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
  { id: 'docs', type: 'file', label: 'Docs' },
  { id: 'status', type: 'text', label: 'Status', access: { read: ['clerk'], write: ['clerk'] } },
  { id: 'rows', type: 'group', label: 'Rows', fields: [{ id: 'x', type: 'text', label: 'X' }] },
], { defaultLocale: 'en' }));

const codes = (values: unknown, options = {}): [string, string][] => form.validate(values, options).errors.map((error) => [error.path, error.code]);

describe('values are untrusted JSON: read once, defensively, and never throw', () => {
  it('a throwing getter is a type error at its path; the rest is still validated', () => {
    const values = { name: 'Li', phone: '123' };
    Object.defineProperty(values, 'notes', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(codes(values)).toEqual([['notes', 'type'], ['phone', 'format']]);
  });

  it('a Proxy that throws on every trap is a type error at the root', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('x'); }, ownKeys: () => { throw new Error('x'); } });
    expect(codes(hostile)).toEqual([['', 'type'], ['name', 'required']]);
    const { proxy, revoke } = Proxy.revocable({ name: 'x' }, {});
    revoke();
    expect(codes(proxy)).toEqual([['', 'type'], ['name', 'required']]);
  });

  it('a Proxy that answers differently on each read is read once: what was checked is what is kept', () => {
    let reads = 0;
    const shifty = new Proxy({ name: 'Li', tags: ['a'] }, {
      get: (target, key, receiver) => {
        if (key === 'tags') return (reads++ === 0 ? ['a'] : ['zzz-not-an-option']);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const result = form.validate(shifty);
    expect(result.valid).toBe(true);
    expect(result.values.tags).toEqual(['a']);
    expect(reads).toBe(1);
  });

  it('cyclic and very deep values never overflow: they are just not valid answers', () => {
    const cyclic: Record<string, unknown> = { name: 'Li' };
    cyclic.rows = [cyclic];
    expect(() => form.validate(cyclic)).not.toThrow();
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(codes({ name: 'Li', tags: deep })).toEqual([['tags', 'option']]);
  });

  it('a deep or cyclic `previous` is compared within bounds, never recursed without limit', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const readOnly = compileForm(defineForm([{ id: 'meta', type: 'text', label: 'M', access: { read: ['customer', 'clerk'], write: ['clerk'] } }]));
    expect(readOnly.validate({ meta: 'x' }, { role: 'customer', previous: { meta: deep } }).errors[0]?.code).toBe('forbidden');
    expect(readOnly.validate({ meta: 'x' }, { role: 'customer', previous: { meta: cyclic } }).errors[0]?.code).toBe('forbidden');
  });
});

describe('cleaned values hold only what the form defines', () => {
  it('file items keep name, size, type and url; every other key, an own __proto__ included, is dropped', () => {
    const docs = JSON.parse('[{"name":"a.pdf","size":10,"type":"application/pdf","url":"https://x/a.pdf","__proto__":{"polluted":true},"secret":"s"}]') as unknown;
    const result = form.validate({ name: 'Li', docs });
    expect(result.values.docs).toEqual([{ name: 'a.pdf', size: 10, type: 'application/pdf', url: 'https://x/a.pdf' }]);
    expect(Object.keys((result.values.docs as object[])[0] as object)).toEqual(['name', 'size', 'type', 'url']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('normalises what customers type: a mobile with +86, spaces and dashes', () => {
    expect(form.validate({ name: 'Li', phone: '+86 138-1234-5678' }).values.phone).toBe('13812345678');
  });
});

describe('required means a real answer', () => {
  it.each([
    ['zero-width space', '\u200b'], ['zero-width joiner', '\u200d\u200d'], ['bidi marks', '\u200e\u200f\u202a'],
    ['Hangul filler', '\u3164'], ['half-width Hangul filler', '\uffa0'], ['Braille blank', '\u2800\u2800'],
    ['soft hyphen', '\u00ad'], ['word joiner and spaces', ' \u2060 \u3000'], ['variation selector', '\ufe0f'],
  ])('text made only of %s is unanswered', (_name, text) => {
    expect(codes({ name: text })).toEqual([['name', 'required']]);
  });

  it('text with a visible character among invisible ones is an answer', () => {
    expect(codes({ name: '\u200b李\u200b' })).toEqual([]);
  });
});

describe('bounded work on hostile input', () => {
  it('texts have a default maxLength (1000; 10000 for textarea), overridable', () => {
    expect(codes({ name: 'x'.repeat(1001) })).toEqual([['name', 'maxLength']]);
    expect(codes({ name: 'x', notes: 'y'.repeat(10_000) })).toEqual([]);
    expect(codes({ name: 'x', notes: 'y'.repeat(10_001) })).toEqual([['notes', 'maxLength']]);
    const long = compileForm(defineForm([{ id: 'essay', type: 'textarea', label: 'E', maxLength: 50_000 }]));
    expect(long.validate({ essay: 'z'.repeat(50_000) }).valid).toBe(true);
  });

  it('patterns that backtrack catastrophically elsewhere run in linear time here, with the right answer', () => {
    const patterned = compileForm(defineForm([
      { id: 'a', type: 'text', label: 'A', pattern: '^(好+)+$', maxLength: 100_000 },
      { id: 'b', type: 'text', label: 'B', pattern: '^(a|aa)+$', maxLength: 100_000 },
      { id: 'c', type: 'text', label: 'C', pattern: '^a*a*a*a*a*a*a*a*a*a*a*a*b$', maxLength: 100_000 },
      { id: 'd', type: 'text', label: 'D', pattern: '^(?:a|aa){30}$', maxLength: 100_000 },
    ]));
    const result = patterned.validate({ a: `${'好'.repeat(30_000)}!`, b: `${'a'.repeat(30_000)}!`, c: 'a'.repeat(30_000), d: 'a'.repeat(45) });
    expect(result.errors.map((error) => [error.path, error.code])).toEqual([['a', 'pattern'], ['b', 'pattern'], ['c', 'pattern']]);
  });

  it('auto id templates with adjacent counters run in linear time too', () => {
    const ids = compileForm(defineForm([{ id: 'no', type: 'autoId', label: 'No', pattern: 'X{seq:3}{seq:3}{seq:3}{seq:3}', access: { write: ['admin'] } }]));
    expect(ids.validate({ no: `X${'1'.repeat(60)}x` }, { role: 'admin' }).errors[0]?.code).toBe('format');
  });

  it('messages depend only on the field and the call: a cascader path of another length gets its own message', () => {
    const region = compileForm(defineForm([{ id: 'region', type: 'cascader', label: 'Region', options: [
      { value: 'gd', label: '广东', children: [{ value: 'sz', label: '深圳', children: [{ value: 'ns', label: '南山' }] }] },
    ] }]));
    const first = region.validate({ region: ['gd'] }, { locale: 'en' }).errors[0];
    const second = region.validate({ region: ['gd', 'sz'] }, { locale: 'en' }).errors[0];
    expect(first).toMatchObject({ code: 'minItems', params: { min: 2 } });
    expect(second).toMatchObject({ code: 'minItems', params: { min: 3 } });
    expect(second?.message).not.toBe(first?.message);
  });

  it('many distinct locale spellings and time zones are fine, and answered consistently', () => {
    const messages = new Set<string>();
    for (let i = 0; i < 2000; i++) messages.add(form.validate({}, { locale: `en-X${i}` }).errors[0]?.message ?? '');
    expect([...messages]).toEqual(['Name is required']);
  });
});
