import { describe, expect, it } from 'vitest';
import { compileForm, formatIssue, FormUsageError } from '../src/index';
import { defineForm } from './helpers';

const form = compileForm(defineForm([
  { id: 'phone', type: 'text', label: { en: 'Mobile', 'zh-CN': '手机' }, format: 'cn-mobile' },
  { id: 'n', type: 'number', label: 'N' },
  { id: 'tags', type: 'multiselect', label: 'Tags', maxItems: 1, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'c', label: 'C' }] },
  { id: 'rows', type: 'group', label: 'Rows', maxItems: 1, fields: [{ id: 'x', type: 'text', label: 'X' }] },
]));

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

const usageCode = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FormUsageError);
    return (error as FormUsageError).code;
  }
  return undefined;
};

describe('issues are shared safely', () => {
  it('freezes every issue with its subject and params, so one caller cannot rewrite what others are told', () => {
    const [issue] = form.validate({ phone: '1' }, { locale: 'en' }).errors;
    expect(Object.isFrozen(issue)).toBe(true);
    expect(Object.isFrozen(issue?.subject)).toBe(true);
    expect(Object.isFrozen(issue?.params)).toBe(true);
    expect(() => { (issue?.params as { format: string }).format = 'email'; }).toThrow(TypeError);
    const again = form.validate({ phone: '1' }, { locale: 'en' }).errors[0];
    expect(again?.params).toEqual({ format: 'cn-mobile' });
    expect(formatIssue(again as never, 'en')).toContain('Mobile');
    const snapshot = form.createSession({ locale: 'en', values: { phone: '1' } }).send({ type: 'submit' });
    expect(Object.isFrozen(snapshot.fields.phone?.errors[0]?.subject)).toBe(true);
  });
});

describe('a Proxy cannot show the checks one value and the result another', () => {
  const shifty = (items: unknown[]): unknown[] => {
    let reads = 0;
    return new Proxy(items, { get: (target, key, receiver) => (key === 'length' ? (++reads === 2 ? 1 : target.length) : Reflect.get(target, key, receiver)) });
  };

  it('never lets a list pass maxItems while the cleaned copy holds more', () => {
    for (const values of [{ tags: shifty(['a', 'b', 'c']) }, { rows: shifty([{ x: '1' }, { x: '2' }, { x: '3' }]) }]) {
      const result = form.validate(values);
      const [key] = Object.keys(values) as ['tags' | 'rows'];
      const kept = result.values[key] as unknown[];
      if (result.valid) expect(kept.length).toBeLessThanOrEqual(1);
      else expect(result.errors.map((error) => error.code)).toEqual(['maxItems']);
    }
  });
});

describe('cleaned values always serialise', () => {
  it('turns a bigint, a function or a symbol into null, keeping the type error', () => {
    const result = form.validate({ n: 10n, phone: () => 'x', tags: Symbol('s') });
    expect(new Set(result.errors.map((error) => `${error.path}:${error.code}`))).toEqual(new Set(['phone:type', 'n:type', 'tags:type']));
    expect(JSON.parse(JSON.stringify(result.values))).toEqual({ phone: null, n: null, tags: null });
  });
});

describe('wrong calls are FormUsageErrors, never TypeErrors', () => {
  it('refuses options that cannot be read', () => {
    expect(usageCode(() => form.validate({}, revoked() as never))).toBe('bad-option');
    expect(usageCode(() => form.evaluate({}, revoked() as never))).toBe('bad-option');
    expect(usageCode(() => form.createRecord({}, revoked() as never))).toBe('bad-option');
    expect(usageCode(() => form.exporter(revoked() as never))).toBe('bad-option');
  });

  it('refuses a bad issue or locale in formatIssue and a workflow named by a non-string', () => {
    const [issue] = form.validate({ phone: '1' }).errors;
    expect(usageCode(() => formatIssue(issue as never, 42 as never))).toBe('bad-argument');
    expect(usageCode(() => formatIssue(null as never, 'en'))).toBe('bad-argument');
    expect(usageCode(() => form.workflow(Object.create(null) as never))).toBe('bad-argument');
  });

  it('answers a revoked Proxy as values with a type issue, not a crash', () => {
    expect(() => form.validate(revoked())).not.toThrow();
    expect(form.dedupKeys(revoked())).toEqual([]);
  });
});
