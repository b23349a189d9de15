import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm, transition, type CompiledForm, type SessionEvent, type SessionSnapshot } from '../src/index';
import { internalFormOf } from '../src/form/internal';
import type { FieldIR } from '../src/compile/internalForm';
import { loadExampleDefinitions } from '../examples/loadExamples';
import { NOW } from '../examples/records';

// The reference: after any event sequence, a snapshot says exactly what `evaluate` and `validate`
// say of its values. The session re-evaluates only what a change reaches; this proves it is the same.

const forms: CompiledForm[] = loadExampleDefinitions().map(({ definition }) => compileForm(definition));

const junk = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -3, max: 12 }), fc.boolean(), fc.constant(null), fc.constant(''), fc.constant(['x']), fc.constant({ a: 1 }));

/** Answers a field may get: good ones from its own options and example, and junk. */
const answerFor = (field: FieldIR): fc.Arbitrary<unknown> => {
  const options = [...(field.options?.all.keys() ?? [])];
  const good: fc.Arbitrary<unknown>[] = [fc.constant(field.kind.example)];
  if (options.length > 0) {
    good.push(fc.constantFrom(...options));
    good.push(fc.subarray(options, { maxLength: Math.min(3, options.length) }));
  }
  if (field.type === 'text' || field.type === 'textarea') good.push(fc.constantFrom('13812345678', '+86 139-1234-5678', 'a@b.co', '张伟', '  '));
  if (field.type === 'number' || field.type === 'rating') good.push(fc.integer({ min: 0, max: 200_000 }));
  if (field.type === 'date') good.push(fc.constantFrom('2026-12-01', '2020-01-01', '2026-02-30'));
  return fc.oneof(...good, junk);
};

const eventsFor = (form: CompiledForm): fc.Arbitrary<SessionEvent[]> => {
  const internal = internalFormOf(form);
  const top = internal.fields;
  const groups = top.filter((field) => field.newRowScope !== undefined);
  const change = fc.constantFrom(...top).chain((field) => answerFor(field).map((value): SessionEvent => ({ type: 'change', path: field.id, value })));
  const rowChange = groups.length === 0 ? change : fc.tuple(fc.constantFrom(...groups), fc.nat(2)).chain(([group, index]) =>
    fc.constantFrom(...group.children).chain((child) => answerFor(child).map((value): SessionEvent => ({ type: 'change', path: `${group.id}.${index}.${child.id}`, value }))));
  const rows: fc.Arbitrary<SessionEvent> = groups.length === 0
    ? fc.constant({ type: 'submit' })
    : fc.oneof(
      fc.constantFrom(...groups).map((group): SessionEvent => ({ type: 'addRow', path: group.id })),
      fc.tuple(fc.constantFrom(...groups), fc.integer({ min: -1, max: 3 })).map(([group, index]): SessionEvent => ({ type: 'removeRow', path: group.id, index })),
    );
  const other = fc.oneof(
    fc.constantFrom(...top).map((field): SessionEvent => ({ type: 'blur', path: field.id })),
    fc.constant<SessionEvent>({ type: 'submit' }),
    fc.constantFrom<SessionEvent>({ type: 'setLocale', locale: 'en' }, { type: 'setLocale', locale: 'zh-TW' }, { type: 'setLocale', locale: 'zh-CN' }),
    fc.constant<SessionEvent>({ type: 'reset' }),
    fc.constantFrom<unknown>({ type: 'change', path: 'nope', value: 1 }, { type: 'fly' }, null, { type: 'removeRow', path: top[0]?.id ?? 'x', index: 0 }) as fc.Arbitrary<SessionEvent>,
  );
  return fc.array(fc.oneof({ weight: 5, arbitrary: change }, { weight: 3, arbitrary: rowChange }, { weight: 2, arbitrary: rows }, { weight: 2, arbitrary: other }), { maxLength: 25 });
};

const issueKey = (issue: { path: string; code: string; message: string }): string => `${issue.path}|${issue.code}|${issue.message}`;

/** What the reference passes say of a snapshot's values, compared with what the snapshot says. */
const expectMatchesReference = (form: CompiledForm, snapshot: SessionSnapshot, role: string): void => {
  const options = { role, now: NOW, locale: snapshot.locale };
  const evaluated = form.evaluate(snapshot.values, options);
  const validated = form.validate(snapshot.values, options);
  expect(Object.keys(snapshot.fields).sort()).toEqual(Object.keys(evaluated.fields).sort());
  for (const [path, state] of Object.entries(evaluated.fields)) {
    const field = snapshot.fields[path];
    expect({ path, visible: field?.visible, required: field?.required, readonly: field?.readonly }).toEqual({ path, ...state });
    const expected = field?.touched === true ? validated.errors.filter((error) => error.path === path).map(issueKey) : [];
    expect(field?.errors.map(issueKey)).toEqual(expected);
  }
  expect(snapshot.valid).toBe(validated.valid);
  expect(snapshot.tags).toEqual(evaluated.tags);
};

describe('sessions against the reference passes', () => {
  it('after any event sequence, every snapshot equals evaluate + validate of its values, and nothing throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms).chain((form) => fc.tuple(fc.constant(form), eventsFor(form), fc.constantFrom('customer', 'clerk', 'admin'))), ([form, events, role]) => {
        const session = form.createSession({ role, now: NOW });
        expectMatchesReference(form, session.getSnapshot(), role);
        for (const event of events) {
          const before = session.getSnapshot();
          const after = session.send(event);
          expectMatchesReference(form, after, role);
          expect(Object.isFrozen(after) && Object.isFrozen(after.fields) && Object.isFrozen(after.values)).toBe(true);
          if (after.eventError !== undefined) expect(after.values).toBe(before.values);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('transition is pure: replaying events from an old snapshot gives the same snapshots, and the old ones never change', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms).chain((form) => fc.tuple(fc.constant(form), eventsFor(form))), ([form, events]) => {
        const start = form.createSession({ role: 'clerk', now: NOW }).getSnapshot();
        const frozen = JSON.stringify(start);
        const first: SessionSnapshot[] = [];
        let snapshot = start;
        for (const event of events) first.push((snapshot = transition(form, snapshot, event)));
        snapshot = start;
        events.forEach((event, index) => {
          snapshot = transition(form, snapshot, event);
          expect(JSON.stringify(snapshot)).toBe(JSON.stringify(first[index]));
        });
        expect(JSON.stringify(start)).toBe(frozen);
      }),
      { numRuns: 100 },
    );
  });

  it('a snapshot revived from JSON goes on exactly as the live one: same next snapshot for any event, reset included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms).chain((form) => fc.tuple(fc.constant(form), eventsFor(form), fc.constantFrom('customer', 'clerk', 'admin'))), ([form, events, role]) => {
        let live = form.createSession({ role, now: NOW, timeZone: 'Asia/Shanghai' }).getSnapshot();
        for (const event of events) {
          const revived = JSON.parse(JSON.stringify(live)) as SessionSnapshot;
          const next = transition(form, live, event);
          expect(JSON.stringify(transition(form, revived, event))).toBe(JSON.stringify(next));
          live = next;
        }
      }),
      { numRuns: 100 },
    );
  });
});
