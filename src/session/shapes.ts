import type { FieldIR, InternalForm } from '../compile/internalForm';
import { precompiledOf, sourceHash } from '../compile/precompiled';
import { fixedShape, shapeSource, type ShapeCopy } from '../core/fixedShape';

interface Shapes {
  /** Copies a session's values (top-level field ids only: a session holds nothing else). */
  readonly values: ShapeCopy;
  /** Copies a snapshot's top-level field states (row paths are added after, group by group). */
  readonly fields: ShapeCopy;
  /** The repeating groups, in definition order: their row paths follow the top-level states. */
  readonly groups: readonly FieldIR[];
}

const shapes = /* @__PURE__ */ new WeakMap<InternalForm, Shapes>();

/**
 * Per form, copiers that give every snapshot's values and fields the same fast object shape: a
 * keystroke on a 200-field form copies both, and a dictionary-mode copy would cost 20 µs each.
 */
export const shapesOf = (form: InternalForm): Shapes => {
  let found = shapes.get(form);
  if (found === undefined) {
    const ids = form.fields.map((field) => field.id);
    // A built module's constructor, when it was written for these ids; the factory is called once per copier.
    const code = precompiledOf(form)?.shape;
    const prebuilt = code !== undefined && code.hash === sourceHash(shapeSource(ids)) ? code.factory : undefined;
    found = { values: fixedShape(ids, prebuilt), fields: fixedShape(ids, prebuilt), groups: form.fields.filter((field) => field.newRowScope !== undefined) };
    shapes.set(form, found);
  }
  return found;
};
