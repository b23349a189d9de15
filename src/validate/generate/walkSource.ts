import type { FieldIR, InternalForm } from '../../compile/internalForm';
import { isPlainObject } from '../../core/reserved';
import { jsString as text } from '../../core/jsString';
import { OWNER } from '../../core/owner';
import { condition, type LogicContext } from './logicSource';

/**
 * The source of one function that walks a form's values the way the reference pass does
 * (src/validate/pass.ts `visit`), written for this form: fields in evaluation order, each field's
 * access, visibility and requirement decided by straight-line code with the form's conditions
 * inlined, rows as a loop, issues made only on failure (by the same `pass.issue`). It covers a
 * fresh pass without earlier values (`previous`), which is what `validate` and `evaluate` run; the
 * reference pass does the rest.
 *
 * The source is the body of a factory `(F, C, H) => walk`: `F` holds the fields, `C` closures and
 * constants, `H` helpers; the walk is `(pass, d, role, sys, draft, st) => void` over the pass (scope,
 * cleaned values, issue sink), the input object, the role, the system view (`access: 'all'`), draft
 * mode and the states object (undefined when nobody asked for states). Definition content enters the
 * source only as JSON string and number literals.
 */
export interface WalkSource {
  readonly body: string;
  readonly fields: readonly FieldIR[];
  readonly constants: readonly unknown[];
}


const CHUNK_LINES = 120;

export const walkSource = (form: InternalForm): WalkSource => {
  const fields: FieldIR[] = [];
  const constants: unknown[] = [];
  const constant = (value: unknown): number => constants.push(value) - 1;
  const topIds = new Set(form.fields.map((field) => field.id));
  const sectionVisibility = new Map<string, unknown>();
  for (const section of form.definition.sections) {
    if (isPlainObject(section) && section.visibleIf !== undefined) sectionVisibility.set(section.id, section.visibleIf);
  }
  const prelude: string[] = [];
  const lines: string[] = [];
  const emit = (line: string): void => { lines.push(line); };

  const fieldCode = (field: FieldIR, inRow: boolean): void => {
    const f = fields.push(field) - 1;
    // Per-field parts as locals of the factory: each call site below sees one function only.
    prelude.push(`const E${f} = F[${f}].value.isEmpty, A${f} = F[${f}].value.accept, R${f} = F[${f}].readRoles, W${f} = F[${f}].writeRoles;`);
    const id = text(field.id);
    const context: LogicContext = { fields: topIds, rowFields: inRow ? field.group?.rowIds : undefined, constant };
    const path = inRow ? `p + ${text(`.${field.id}`)}` : id;
    const row = inRow ? 'ix' : 'undefined';
    const slot = inRow ? 'r' : 's';
    const target = inRow ? 'rv' : 'pass.values';
    const def = field.def as unknown as Readonly<Record<string, unknown>>;
    const shownIf = [inRow ? undefined : sectionVisibility.get(field.sectionId), def.visibleIf]
      .filter((logic) => logic !== undefined)
      .map((logic) => condition(logic, context));
    // `$owner` lets in whoever fills the values, as the reference pass decides (no record: they will own it).
    const readable = field.readRoles === undefined || field.readRoles.has(OWNER) ? 'true' : `(sys || R${f}.has(role))`;
    emit(`// ${text(field.key)}`);
    emit(`vis = ${[readable, ...shownIf].join(' && ')};`);
    if (field.compute !== undefined) {
      emit(`v = vis ? H.finite(F[${f}].compute(s)) : null; ${slot}[${id}] = v; if (v !== null) ${target}[${id}] = v;`);
      emit(`if (st) st[${path}] = { visible: vis, required: false, readonly: true };`);
      return;
    }
    // Nobody but the system writes an auto id.
    const writable = field.writeRoles?.has(OWNER) === true ? 'true' : field.writeRoles !== undefined ? `(sys || W${f}.has(role))` : field.type === 'autoId' ? 'sys' : 'true';
    const source = inRow ? 'rd' : 'd';
    emit(`raw = H.hasOwn(${source}, ${id}) ? ${source}[${id}] : undefined; present = !E${f}(raw); wr = ${writable};`);
    // Without earlier values nothing is "unchanged": an answer the role may not read or write is refused.
    if (readable !== 'true') emit(`if (present && !${readable}) { pass.issue(${path}, H.FORBIDDEN, F[${f}], ${row}); present = false; }`);
    if (writable !== 'true') emit(`if (present && !wr) { pass.issue(${path}, H.FORBIDDEN, F[${f}], ${row}); present = false; }`);
    emit(`if (!vis) { ${slot}[${id}] = null; if (st) st[${path}] = { visible: false, required: false, readonly: !wr }; } else {`);
    const required = field.required === true ? '!draft' : field.required === false ? 'false' : `!draft && ${condition(def.required, context)}`;
    const locked = field.readonly === undefined ? '!wr' : `!wr || ${condition(def.readonlyIf, context)}`;
    emit(`req = ${required};`);
    emit(`if (st) st[${path}] = { visible: vis, required: req, readonly: ${locked} };`);
    emit(`if (!present) { ${slot}[${id}] = null; if (req) pass.issue(${path}, H.REQUIRED, F[${f}], ${row}); }`);
    emit(`else if ((fail = A${f}(raw, s, slot)) !== undefined) { pass.issue(${path}, fail, F[${f}], ${row}); ${slot}[${id}] = null; ${target}[${id}] = H.keepInvalid(raw); }`);
    if (field.newRowScope === undefined) emit(`else { v = slot.value; ${slot}[${id}] = v; ${target}[${id}] = v; }`);
    else rowsCode(field, f, id);
    emit('}');
  };

  const rowsCode = (group: FieldIR, g: number, id: string): void => {
    emit('else {');
    emit('const rows = slot.value, rowScopes = [], cleanedRows = [];');
    emit('for (let ix = 0; ix < rows.length; ix++) {');
    emit(`const p = ${id} + "." + ix, rd = rows[ix];`);
    emit(`if (!H.isPlainObject(rd)) { pass.issue(p, H.ROW_TYPE, F[${g}], ix); cleanedRows.push(H.keepInvalid(rd)); continue; }`);
    emit(`for (const key of Object.keys(rd)) if (!F[${g}].rowIds.has(key)) pass.issue(p + "." + key, H.UNKNOWN, undefined, undefined);`);
    emit(`const r = F[${g}].newRowScope(), rv = {};`);
    emit('s.$row = r;');
    for (const child of group.rowOrder) fieldCode(child, true);
    emit('s.$row = null; cleanedRows.push(rv); rowScopes.push(r);');
    emit('}');
    emit(`s[${id}] = rowScopes; pass.values[${id}] = cleanedRows;`);
    emit('}');
  };

  // Fields are written in chunks of a bounded size, each its own function: V8 stops optimising a
  // function past a size, and one function for a 200-field form ran four times slower per field.
  const chunks: string[][] = [];
  for (const field of form.evaluationOrder) {
    if (chunks.length === 0 || lines.length > CHUNK_LINES) {
      if (lines.length > 0) chunks.push(lines.splice(0));
    }
    fieldCode(field, false);
  }
  if (lines.length > 0) chunks.push(lines.splice(0));
  const body = [
    '"use strict";',
    ...prelude,
    ...chunks.flatMap((chunk, index) => [
      `function part${index}(pass, d, role, sys, draft, st, s, slot) {`,
      'let vis, raw, present, wr, req, fail, v;',
      ...chunk,
      '}',
    ]),
    'return function walk(pass, d, role, sys, draft, st) {',
    'const s = pass.scope, slot = { value: undefined };',
    ...chunks.map((_, index) => `part${index}(pass, d, role, sys, draft, st, s, slot);`),
    '};',
  ].join('\n');
  return { body, fields, constants };
};
