import { describe, expect, it } from 'vitest';
import { compileForm, FormUsageError } from '../src/index';
import { defineForm } from './helpers';

const form = compileForm(defineForm([{ id: 'a', type: 'text', label: 'A', required: true }]));

/** The FormUsageError a call throws; fails the test when it throws something else or nothing. */
const usageError = (call: () => unknown): FormUsageError => {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(FormUsageError);
    return error as FormUsageError;
  }
  throw new Error('expected a FormUsageError');
};

describe('options are checked like values: misuse is a coded FormUsageError, never a TypeError or a silent default', () => {
  it.each([
    ['locale: 42', { locale: 42 }, 'locale'],
    ['locale: "not a tag!"', { locale: 'not a tag!' }, 'locale'],
    ['mode: "drafty"', { mode: 'drafty' }, 'mode'],
    ['now: "yesterday"', { now: 'yesterday' }, 'now'],
    ['now: {}', { now: {} }, 'now'],
    ['timeZone: "Mars/Olympus"', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['role: 7', { role: 7 }, 'role'],
    ['previous: "x"', { previous: 'x' }, 'previous'],
  ])('validate with %s', (_name, options, option) => {
    const error = usageError(() => form.validate({ a: 'x' }, options as never));
    expect(error).toMatchObject({ code: 'bad-option', option });
    expect(usageError(() => form.evaluate({ a: 'x' }, options as never))).toMatchObject({ code: 'bad-option', option });
  });

  it('names an unknown option and the one meant', () => {
    const error = usageError(() => form.validate({}, { lcoale: 'en' } as never));
    expect(error).toMatchObject({ code: 'bad-option', option: 'lcoale' });
    expect(error.message).toContain("did you mean 'locale'?");
  });

  it('refuses an undeclared role with its own code', () => {
    expect(usageError(() => form.validate({}, { role: 'hacker' }))).toMatchObject({ code: 'unknown-role', option: 'role' });
  });

  it('checks compileForm options too', () => {
    expect(usageError(() => compileForm(defineForm([]), { locale: 5 } as never))).toMatchObject({ code: 'bad-option', option: 'locale' });
    expect(usageError(() => compileForm(defineForm([]), { formats: { x: 'regex' } } as never))).toMatchObject({ code: 'bad-option', option: 'formats' });
    expect(usageError(() => compileForm(defineForm([]), { timezone: 'UTC' } as never))).toMatchObject({ code: 'bad-option', option: 'timezone' });
  });

  it('treats null and undefined options as none', () => {
    expect(form.validate({}, null as never).errors[0]?.code).toBe('required');
    expect(form.validate({}, undefined).errors[0]?.code).toBe('required');
  });

  it('never throws for bad values, only for bad calls', () => {
    for (const values of [null, 42, 'x', [], { a: Symbol('s') }, { a: () => 1 }, { a: 10n }]) {
      expect(() => form.validate(values)).not.toThrow();
    }
  });

  it('a custom format that throws is a failed check, not a crash', () => {
    const custom = compileForm(defineForm([{ id: 'x', type: 'text', label: 'X', format: 'boom' }]), {
      formats: { boom: () => { throw new Error('bad check'); } },
    });
    expect(custom.validate({ x: 'abc' }).errors[0]).toMatchObject({ code: 'format', params: { format: 'boom' } });
  });
});
