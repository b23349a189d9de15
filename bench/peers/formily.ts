/**
 * Formily through @formily/core 2.3, renderer-free: the form model a Formily page builds, written the
 * way a Formily user writes it in code. Every field is `form.createField({ name, required, validator,
 * dataSource, reactions })`; visibility and conditional required are field reactions (what
 * `x-reactions` compiles to) that read other fields through `field.query(…)` and write `visible` /
 * `required`; the service records are an ArrayField whose rows are ObjectFields with their own fields
 * (`services.0.solution`), as ArrayItems renders them, the row condition reading its sibling through
 * the relative path `.progress`. Validation is Formily's own rule set (@formily/validator): required,
 * pattern, format email/date/integer, maxLength/minLength, minimum/maximum, maxItems, enum.
 */
import { createForm } from '@formily/core';
import type { Field, Form } from '@formily/core';
import type { Peer, PeerForm, PeerSession } from './types';

type Option = { label: string; value: string };
const options = (...pairs: [string, string][]): Option[] => pairs.map(([value, label]) => ({ label, value }));
const valuesOf = (list: Option[]): string[] => list.map((option) => option.value);

const CUSTOMER_TYPES = options(['enterprise', 'Enterprise'], ['individual', 'Individual']);
const INDUSTRIES = options(['manufacturing', 'Manufacturing'], ['retail', 'Retail'], ['it-services', 'IT services'], ['other', 'Other']);
const DEMAND_TYPES = options(['product-consulting', 'Product consulting'], ['custom-service', 'Custom service'], ['cooperation', 'Cooperation'], ['other', 'Other']);
const BUDGETS = options(['lt10k', 'Under 10k'], ['10k-50k', '10k-50k'], ['50k-100k', '50k-100k'], ['gt100k', 'Over 100k']);
const URGENCIES = options(['high', 'High'], ['medium', 'Medium'], ['low', 'Low']);
const FEEDBACK_TYPES = options(['satisfaction', 'Satisfaction'], ['suggestion', 'Suggestion'], ['complaint', 'Complaint']);
const DECISION_SCOPES = options(['purchase', 'Purchase'], ['budget', 'Budget'], ['technical', 'Technical']);
const SOURCES = options(['expo', 'Expo'], ['referral', 'Referral'], ['online', 'Online'], ['cold-call', 'Cold call']);
const CHANNELS = options(['phone', 'Phone'], ['onsite', 'On site'], ['online', 'Online']);
const PROGRESS = options(['pending', 'Pending'], ['done', 'Done']);

/** A select/radio: the options as the field's dataSource (what the renderer lists) and membership as an enum rule. */
const choice = (list: Option[]): { dataSource: Option[]; validator: { enum: string[] } } => ({ dataSource: list, validator: { enum: valuesOf(list) } });

/** A multiselect: Formily's enum rule compares the whole value, so membership of each item is a custom validator. */
const everyIn = (list: Option[]) => {
  const allowed = valuesOf(list);
  return (value: unknown): string => (Array.isArray(value) && !value.every((item) => allowed.includes(String(item))) ? 'Choose from the list' : '');
};

/** The flat fields of bench/forms/intake.json, every name (and every name a reaction reads) suffixed. */
const createFlatFields = (form: Form, suffix: string): void => {
  const key = (id: string): string => `${id}${suffix}`;
  const answer = (field: Field, id: string): unknown => field.query(key(id)).value();

  form.createField({ name: key('customerType'), title: 'Customer type', required: true, ...choice(CUSTOMER_TYPES) });
  form.createField({ name: key('name'), title: 'Name', required: true, validator: { maxLength: 50 } });
  form.createField({ name: key('phone'), title: 'Mobile', required: true, validator: { pattern: '^1[3-9]\\d{9}$', message: 'Enter an 11-digit mobile number' } });
  form.createField({ name: key('email'), title: 'Email', validator: [{ format: 'email' }, { maxLength: 254 }] });
  form.createField({
    name: key('companyName'), title: 'Company', validator: { maxLength: 100 },
    reactions: (field) => { field.required = answer(field, 'customerType') === 'enterprise'; },
  });
  form.createField({ name: key('industry'), title: 'Industry', ...choice(INDUSTRIES) });

  form.createField({ name: key('demandType'), title: 'Demand type', required: true, ...choice(DEMAND_TYPES) });
  form.createField({ name: key('demandDescription'), title: 'Description', required: true, validator: { minLength: 5, maxLength: 2000 } });
  form.createField({ name: key('expectedDate'), title: 'Expected delivery', validator: { format: 'date' } });
  form.createField({ name: key('budget'), title: 'Budget', ...choice(BUDGETS) });
  form.createField({ name: key('urgency'), title: 'Urgency', ...choice(URGENCIES) });

  form.createField({ name: key('feedbackType'), title: 'Feedback type', ...choice(FEEDBACK_TYPES) });
  form.createField({
    name: key('feedbackContent'), title: 'Feedback', validator: { maxLength: 2000 },
    reactions: (field) => {
      const type = answer(field, 'feedbackType');
      field.visible = Boolean(type);
      field.required = type === 'complaint';
    },
  });
  form.createField({
    name: key('satisfaction'), title: 'Satisfaction', validator: [{ format: 'integer' }, { minimum: 1, maximum: 5 }],
    reactions: (field) => { field.visible = answer(field, 'feedbackType') === 'satisfaction'; },
  });

  form.createField({ name: key('isDecisionMaker'), title: 'Decision maker' });
  form.createField({
    name: key('decisionScope'), title: 'Decision scope', required: true, ...choice(DECISION_SCOPES),
    reactions: (field) => { field.visible = answer(field, 'isDecisionMaker') === true; },
  });
  form.createField({ name: key('sources'), title: 'Sources', dataSource: SOURCES, validator: [{ maxItems: 3 }, { validator: everyIn(SOURCES) }] });
};

/** One service record, as ArrayItems renders a row: an ObjectField `services.<row>` and its fields. */
const createServiceRow = (form: Form, row: number): void => {
  const basePath = `services.${row}`;
  if (form.fields[basePath]) return;
  form.createObjectField({ name: String(row), basePath: 'services' });
  form.createField({ name: 'date', basePath, title: 'Date', required: true, validator: { format: 'date' } });
  form.createField({ name: 'channel', basePath, title: 'Channel', required: true, ...choice(CHANNELS) });
  form.createField({ name: 'progress', basePath, title: 'Progress', required: true, ...choice(PROGRESS) });
  form.createField({
    name: 'solution', basePath, title: 'Solution', required: true, validator: { maxLength: 500 },
    reactions: (field) => { field.visible = field.query('.progress').value() === 'done'; },
  });
};

/** Rows follow the data, as the array renderer does: one row of fields per record. */
const createServiceRows = (form: Form): void => {
  const services: unknown = form.values.services;
  const rows = Array.isArray(services) ? services.length : 0;
  for (let row = 0; row < rows; row++) createServiceRow(form, row);
};

/** The intake form (copies = 0) or the flat fields ×copies, on a form that may already hold values. */
const buildForm = (copies: number, values?: Record<string, unknown>): Form => {
  const form = createForm(values === undefined ? {} : { values });
  if (copies === 0) {
    createFlatFields(form, '');
    form.createArrayField({ name: 'services', title: 'Service records', validator: { maxItems: 20 } });
    createServiceRows(form);
  } else {
    for (let copy = 0; copy < copies; copy++) createFlatFields(form, `_${copy}`);
  }
  return form;
};

/**
 * A Promise that settles synchronously. @formily/core and @formily/validator are compiled to ES5:
 * their async functions are `__awaiter` helpers that read the global `Promise` when they run. With
 * this one in its place for the length of a call, Formily's own `form.validate()` runs every step it
 * always runs (batchValidate → validateSelf → validateToFeedbacks → @formily/validator, feedbacks,
 * lifecycle events) and settles before the call returns, instead of over a chain of microtasks.
 * Written without named closures on its hot path (tsx's keepNames would wrap each one).
 */
type Handler = ((value: unknown) => unknown) | null | undefined;
interface Waiting { child: SyncPromise; onFulfilled: Handler; onRejected: Handler }
const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;
const INTERNAL = (): void => undefined;

class SyncPromise {
  state: typeof PENDING | typeof FULFILLED | typeof REJECTED = PENDING;
  result: unknown = undefined;
  private waiting: Waiting[] | null = null;

  constructor(executor: (resolve: (value: unknown) => void, reject: (reason: unknown) => void) => void) {
    if (executor === INTERNAL) return;
    let done = false;
    try {
      executor(
        (value) => { if (!done) { done = true; this.resolveWith(value); } },
        (reason) => { if (!done) { done = true; this.settle(REJECTED, reason); } },
      );
    } catch (error) {
      if (!done) { done = true; this.settle(REJECTED, error); }
    }
  }

  resolveWith(value: unknown): void {
    if (value === this) { this.settle(REJECTED, new TypeError('A promise cannot resolve to itself')); return; }
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
      let then: unknown;
      try { then = (value as { then?: unknown }).then; } catch (error) { this.settle(REJECTED, error); return; }
      if (typeof then === 'function') {
        let called = false;
        try {
          then.call(
            value,
            (next: unknown) => { if (!called) { called = true; this.resolveWith(next); } },
            (reason: unknown) => { if (!called) { called = true; this.settle(REJECTED, reason); } },
          );
        } catch (error) {
          if (!called) { called = true; this.settle(REJECTED, error); }
        }
        return;
      }
    }
    this.settle(FULFILLED, value);
  }

  settle(state: typeof FULFILLED | typeof REJECTED, result: unknown): void {
    if (this.state !== PENDING) return;
    this.state = state;
    this.result = result;
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting !== null) for (const entry of waiting) this.run(entry);
  }

  run(entry: Waiting): void {
    const handler = this.state === FULFILLED ? entry.onFulfilled : entry.onRejected;
    if (typeof handler !== 'function') {
      if (this.state === FULFILLED) entry.child.resolveWith(this.result);
      else entry.child.settle(REJECTED, this.result);
      return;
    }
    try { entry.child.resolveWith(handler(this.result)); } catch (error) { entry.child.settle(REJECTED, error); }
  }

  then(onFulfilled?: Handler, onRejected?: Handler): SyncPromise {
    const entry: Waiting = { child: new SyncPromise(INTERNAL), onFulfilled, onRejected };
    if (this.state === PENDING) (this.waiting ??= []).push(entry);
    else this.run(entry);
    return entry.child;
  }

  catch(onRejected?: Handler): SyncPromise {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: () => void): SyncPromise {
    return this.then(
      (value) => { onFinally?.(); return value; },
      (reason) => { onFinally?.(); throw reason; },
    );
  }

  static resolve(value?: unknown): SyncPromise {
    if (value instanceof SyncPromise) return value;
    const promise = new SyncPromise(INTERNAL);
    promise.resolveWith(value);
    return promise;
  }

  static reject(reason?: unknown): SyncPromise {
    const promise = new SyncPromise(INTERNAL);
    promise.settle(REJECTED, reason);
    return promise;
  }

  static all(items: Iterable<unknown>): SyncPromise {
    const all = new SyncPromise(INTERNAL);
    const list = [...items];
    const results: unknown[] = new Array<unknown>(list.length);
    let left = list.length;
    if (left === 0) all.resolveWith(results);
    list.forEach((item, index) => {
      SyncPromise.resolve(item).then(
        (value) => { results[index] = value; if (--left === 0) all.resolveWith(results); return undefined; },
        (reason) => { all.settle(REJECTED, reason); return undefined; },
      );
    });
    return all;
  }
}

/** Runs `start` (a Formily call returning a promise) with the synchronous Promise in place; throws if anything stayed pending. */
const settleNow = (start: () => unknown): void => {
  const nativePromise = globalThis.Promise;
  let settled: SyncPromise;
  globalThis.Promise = SyncPromise as unknown as PromiseConstructor;
  try {
    settled = SyncPromise.resolve(start());
  } finally {
    globalThis.Promise = nativePromise;
  }
  // A rejection is Formily's way of saying the form is invalid (batchValidate throws form.errors).
  if (settled.state === PENDING) throw new Error('formily peer: a Formily promise did not settle synchronously');
};

/**
 * A Formily form stays reachable until it is unmounted: createForm registers a listener in
 * @formily/reactive's global ObserverListeners (which every observable write anywhere then calls),
 * and only form.onUnmount() removes it, as a renderer does when the form leaves the page. The bench
 * drops compiled forms and sessions without telling anyone, so each is unmounted once the object
 * handed out is collected (finalizers run between tasks, never inside a synchronous timing loop).
 */
const unmountWhenDropped = new FinalizationRegistry<Form>((form) => { form.onUnmount(); });

/** The dotted data paths of the fields holding errors (`services.1.solution`), sorted. */
const errorPaths = (form: Form): string[] => [...new Set(form.errors.map((feedback) => String(feedback.path)))].sort();

/** Puts a record into a built form as a server reusing it for many records must: reset, then the record's values. */
const load = (form: Form, values: Record<string, unknown>): void => {
  // Formily writes into the object it holds (a hidden field's answer is moved out of the values into
  // the field's cache), so it gets its own copy, as a parsed request body would be.
  const copy = JSON.parse(JSON.stringify(values)) as Record<string, unknown>;
  // reset clears what the previous record left in the fields: errors, and the answers Formily caches
  // for hidden fields and restores when a field shows again (without it, a rating hidden in one
  // record comes back into the next). Resetting the array field to [] also drops its row fields.
  // Its work is synchronous; only the optional re-validation is awaited.
  settleNow(() => form.reset());
  form.setValues(copy, 'overwrite');
  createServiceRows(form);
};

/** Formily's submit-time validation of a whole record on a built form: `await form.validate()`, settled in place. */
const validateSync = (form: Form, values: Record<string, unknown>): string[] => {
  load(form, values);
  settleNow(() => form.validate());
  return errorPaths(form);
};

/**
 * The same validation the honest asynchronous way, with the native Promise: what a Formily caller
 * actually awaits. Not used by the bench harness (it is synchronous); here to measure what the
 * microtask hops cost next to the synchronous settling above.
 */
export const formilyAsyncForm = (copies: number): { validate(values: Record<string, unknown>): Promise<string[]> } => {
  const form = buildForm(copies);
  const compiled = {
    validate: async (values: Record<string, unknown>): Promise<string[]> => {
      const copy = JSON.parse(JSON.stringify(values)) as Record<string, unknown>;
      await form.reset();
      form.setValues(copy, 'overwrite');
      createServiceRows(form);
      await form.validate().catch(() => undefined);
      return errorPaths(form);
    },
  };
  unmountWhenDropped.register(compiled, form);
  return compiled;
};

export const formilyPeer: Peer = {
  name: '@formily/core 2.3.7',
  notes:
    'validate: the form built by compile is reused for every record, as a server keeping one form per definition must: form.reset() (without it the previous record leaks in: Formily caches the answer of a field it hides and restores it when the field shows again; reset also empties the array field, which drops its row fields), form.setValues(copy, \'overwrite\') on a JSON copy of the record (Formily writes into the object it holds: a hidden answer is moved out of the values), row fields created for each service record (an ObjectField and its four fields, as ArrayItems renders a row), then Formily\'s own form.validate() and the paths of form.errors; ' +
    'Formily has no synchronous validation: form.validate() returns a promise (@formily/validator awaits every rule, then every field, then the form), so the whole call runs with the global Promise swapped for a synchronous thenable (@formily/* is ES5-compiled, its __awaiter reads the global Promise at call time): every line of Formily runs unchanged and settles before validate returns, only the microtask hops of a real await are not paid (formilyAsyncForm, exported beside the peer, does the same with native promises, to measure what the hops add); ' +
    'hidden fields are skipped by Formily itself (visible = false is display none; validateDisplay defaults to [\'visible\'], hiding clears the field\'s errors and moves its answer out of the values); the rules are Formily\'s: required, reactions for conditional required, pattern (mobile), format email/date/integer, min/maxLength, minimum/maximum, maxItems, enum for radios and selects (dataSource holds the options), one custom validator for multiselect membership (the enum rule compares the whole array). ' +
    'compile: createForm, then createField with its validator, dataSource and reactions for every field (each reaction runs once as its autorun starts, writing visible/required); no void fields for the sections; service rows are created when a record brings them. ' +
    'change: form.setValuesIn(path, value), after which the reactive autoruns that read that value rerun (only dependents); visible is form.query(path).take().visible. ' +
    'Every live Formily form has a listener in @formily/reactive\'s global ObserverListeners, which every observable write in any form calls, until form.onUnmount(); the adapter unmounts a compiled form or session once the bench drops it (FinalizationRegistry; finalizers run between tasks, so forms made inside one synchronous timing loop stay registered until it ends).',
  compile: (copies): PeerForm => {
    const form = buildForm(copies);
    const compiled: PeerForm = { validate: (values) => validateSync(form, values) };
    unmountWhenDropped.register(compiled, form);
    return compiled;
  },
  session: (copies, values): PeerSession => {
    const form = buildForm(copies, JSON.parse(JSON.stringify(values)) as Record<string, unknown>);
    const session: PeerSession = {
      set: (path, value) => {
        form.setValuesIn(path, value);
        if (path.startsWith('services.')) createServiceRows(form);
      },
      visible: (path) => form.query(path).take()?.visible === true,
    };
    unmountWhenDropped.register(session, form);
    return session;
  },
};
