// One view per field of the definition, built once, updated from snapshots. A view remembers the
// field state object, the value and the locale it last drew, and does nothing while all three are
// the same objects: a session snapshot shares every unchanged field state with the one before it, so
// a keystroke in one field redraws that field and nothing else. (`data-updates` on each field counts
// its redraws; the browser test reads it.)
import type {
  FieldDefinition, FieldSnapshot, FormDefinition, FormValues, GroupField, LocalizedText, OptionDefinition, OptionValue, SessionEvent,
  SessionSnapshot,
} from 'formloom';
import { h, idPart, keepFocusOnPress, setAttr, setText } from './dom';
import { textIn, uiFor, type UiText } from './uiText';

/** What every view shares: the definition it draws, and the way to the current session. */
export interface ViewContext {
  readonly definition: FormDefinition;
  readonly defaultLocale: string;
  send(event: SessionEvent): void;
}

/** A drawn field (or a section of them). */
export interface View {
  readonly root: HTMLElement;
  /** Whether the field was visible at the last update. */
  readonly visible: boolean;
  update(snapshot: SessionSnapshot): void;
  /** The element to focus for an error at `path`, when it is this view's or one of its rows'. */
  controlFor(path: string): HTMLElement | undefined;
}

/**
 * Where a field sits. A row's index changes when an earlier row is removed; its key does not, so DOM
 * ids are made from the key and the session path is asked for each time.
 */
interface Place {
  /** DOM id part, stable for the field's life (`services-r2-description`). */
  readonly id: string;
  path(): string;
  value(values: FormValues): unknown;
}

const HIDDEN: FieldSnapshot = { visible: false, required: false, readonly: true, touched: false, errors: [] };
const NOTHING_DRAWN = Symbol('nothing drawn');
const NO_KEYS: readonly string[] = [];

interface WidgetIo {
  /** The id of the (first) control. */
  readonly id: string;
  change(value: unknown): void;
  blur(): void;
}

/** The input part of a field; the frame around it (label, help, errors) is LeafView's. */
interface Widget {
  readonly element: HTMLElement;
  /** Drawn in a fieldset with a legend (radios, checkboxes, stars) rather than with a label. */
  readonly grouped: false | 'radiogroup' | 'group';
  /** Where aria-invalid / aria-required / aria-describedby go; the fieldset when grouped. */
  readonly ariaTarget?: HTMLElement;
  focusTarget(): HTMLElement | undefined;
  setValue(value: unknown): void;
  setReadonly(readonly: boolean): void;
  relabel(locale: string, ui: UiText): void;
}

interface Choice {
  readonly value: OptionValue;
  readonly labels: readonly LocalizedText[];
}

/** The options of a choice field, leaves only (a hierarchy reads `parent / child`). */
const choicesOf = (def: FieldDefinition, definition: FormDefinition): Choice[] => {
  const own = 'options' in def ? def.options : undefined;
  const ref = 'optionsRef' in def ? def.optionsRef : undefined;
  const options = own ?? (ref === undefined ? undefined : definition.optionSets?.[ref]) ?? [];
  const leaves: Choice[] = [];
  const walk = (list: readonly OptionDefinition[], trail: readonly LocalizedText[]): void => {
    for (const option of list) {
      const labels = [...trail, option.label];
      if (option.children !== undefined && option.children.length > 0) walk(option.children, labels);
      else leaves.push({ value: option.value, labels });
    }
  };
  walk(options, []);
  return leaves;
};

const choiceLabel = (choice: Choice, locale: string, defaultLocale: string): string =>
  choice.labels.map((label) => textIn(label, locale, defaultLocale)).join(' / ');

const asText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

const textWidget = (def: FieldDefinition, io: WidgetIo, defaultLocale: string): Widget => {
  let control: HTMLInputElement | HTMLTextAreaElement;
  if (def.type === 'textarea') {
    control = h('textarea', { id: io.id, rows: '4' });
  } else {
    const format = def.type === 'text' ? def.format : undefined;
    control = h('input', {
      id: io.id,
      type: format === 'email' ? 'email' : format === 'cn-mobile' ? 'tel' : format === 'url' ? 'url' : 'text',
      autocomplete: def.pii === 'name' ? 'name' : def.pii === 'phone' ? 'tel' : def.pii === 'email' ? 'email' : undefined,
      spellcheck: format === undefined ? undefined : 'false',
    });
  }
  control.addEventListener('input', () => io.change(control.value));
  control.addEventListener('blur', () => io.blur());
  return {
    element: control, grouped: false, focusTarget: () => control,
    setValue(value) {
      const text = asText(value);
      // Only when it differs: writing the same text would move the caret of the person typing.
      if (control.value !== text) control.value = text;
    },
    setReadonly(readonly) {
      control.readOnly = readonly;
    },
    relabel(locale) {
      setAttr(control, 'placeholder', def.placeholder === undefined ? undefined : textIn(def.placeholder, locale, defaultLocale));
    },
  };
};

const numberWidget = (def: FieldDefinition & { type: 'number' }, io: WidgetIo): Widget => {
  const control = h('input', {
    id: io.id, type: 'number', inputmode: def.integer === true ? 'numeric' : 'decimal', step: def.integer === true ? '1' : 'any',
    min: def.min === undefined ? undefined : String(def.min), max: def.max === undefined ? undefined : String(def.max),
  });
  // An unfinished number ("1e") reads as '' in the DOM: the field is unanswered until it is a number.
  control.addEventListener('input', () => io.change(control.value === '' ? null : Number(control.value)));
  control.addEventListener('blur', () => io.blur());
  return {
    element: control, grouped: false, focusTarget: () => control,
    setValue(value) {
      const text = typeof value === 'number' ? String(value) : '';
      if (control.value !== text && !(text === '' && control.validity.badInput)) control.value = text;
    },
    setReadonly(readonly) {
      control.readOnly = readonly;
    },
    relabel() {},
  };
};

const dateWidget = (type: 'date' | 'month' | 'datetime', io: WidgetIo): Widget => {
  const control = h('input', { id: io.id, type: type === 'datetime' ? 'datetime-local' : type });
  control.addEventListener('change', () => io.change(control.value === '' ? null : control.value));
  control.addEventListener('blur', () => io.blur());
  return {
    element: control, grouped: false, focusTarget: () => control,
    setValue(value) {
      // formloom takes `2025-07-01 09:30` too; the datetime-local input shows only the `T` form.
      const text = type === 'datetime' ? asText(value).replace(' ', 'T') : asText(value);
      if (control.value !== text) control.value = text;
    },
    setReadonly(readonly) {
      control.readOnly = readonly;
    },
    relabel() {},
  };
};

const selectWidget = (choices: readonly Choice[], io: WidgetIo, defaultLocale: string): Widget => {
  const empty = h('option', { value: '' });
  const options = choices.map((_, index) => h('option', { value: String(index) }));
  const control = h('select', { id: io.id }, empty, ...options);
  control.addEventListener('change', () => io.change(control.value === '' ? null : choices[Number(control.value)]?.value));
  control.addEventListener('blur', () => io.blur());
  return {
    element: control, grouped: false, focusTarget: () => control,
    setValue(value) {
      const index = choices.findIndex((choice) => choice.value === value);
      const wanted = index < 0 ? '' : String(index);
      if (control.value !== wanted) control.value = wanted;
    },
    setReadonly(readonly) {
      control.disabled = readonly;
    },
    relabel(locale, ui) {
      setText(empty, ui.choose);
      choices.forEach((choice, index) => setText(options[index] as HTMLOptionElement, choiceLabel(choice, locale, defaultLocale)));
    },
  };
};

/** A set of radios or checkboxes is blurred when focus leaves the set, not when it moves inside it. */
const blurOnLeaving = (element: HTMLElement, io: WidgetIo): void => {
  element.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && element.contains(event.relatedTarget))) io.blur();
  });
};

/** Radios or checkboxes in one fieldset; a blur is focus leaving the whole set. */
const boxesWidget = (multiple: boolean, choices: readonly Choice[], io: WidgetIo, defaultLocale: string): Widget => {
  const captions = choices.map(() => h('span'));
  const boxes = choices.map((_, index) =>
    h('input', { type: multiple ? 'checkbox' : 'radio', name: io.id, id: index === 0 ? io.id : `${io.id}-${index}`, value: String(index) }));
  const element = h('div', { class: 'choices' }, ...boxes.map((box, index) => h('label', { class: 'choice' }, box, captions[index])));
  element.addEventListener('change', () => {
    if (multiple) io.change(choices.filter((_, index) => boxes[index]?.checked === true).map((choice) => choice.value));
    else io.change(choices[boxes.findIndex((box) => box.checked)]?.value ?? null);
  });
  blurOnLeaving(element, io);
  return {
    element, grouped: multiple ? 'group' : 'radiogroup',
    focusTarget: () => boxes.find((box) => box.checked) ?? boxes[0],
    setValue(value) {
      choices.forEach((choice, index) => {
        const checked = multiple ? Array.isArray(value) && value.includes(choice.value) : choice.value === value;
        const box = boxes[index] as HTMLInputElement;
        if (box.checked !== checked) box.checked = checked;
      });
    },
    setReadonly(readonly) {
      for (const box of boxes) box.disabled = readonly;
    },
    relabel(locale) {
      choices.forEach((choice, index) => setText(captions[index] as HTMLElement, choiceLabel(choice, locale, defaultLocale)));
    },
  };
};

/** Stars as native radios (keyboard and screen readers for free), drawn as ★ by CSS classes. */
const ratingWidget = (max: number, io: WidgetIo): Widget => {
  const numbers = Array.from({ length: max }, (_, index) => index + 1);
  const spoken = numbers.map(() => h('span', { class: 'visually-hidden' }));
  const radios = numbers.map((n) => h('input', { type: 'radio', class: 'visually-hidden', name: io.id, id: n === 1 ? io.id : `${io.id}-${n}`, value: String(n) }));
  const stars = numbers.map((_, index) => h('label', { class: 'star' }, radios[index], h('span', { 'aria-hidden': 'true' }, '★'), spoken[index]));
  const element = h('div', { class: 'stars' }, ...stars);
  element.addEventListener('change', () => {
    const index = radios.findIndex((radio) => radio.checked);
    io.change(index < 0 ? null : index + 1);
  });
  blurOnLeaving(element, io);
  return {
    element, grouped: 'radiogroup',
    focusTarget: () => radios.find((radio) => radio.checked) ?? radios[0],
    setValue(value) {
      numbers.forEach((n, index) => {
        const radio = radios[index] as HTMLInputElement;
        if (radio.checked !== (n === value)) radio.checked = n === value;
        (stars[index] as HTMLElement).classList.toggle('lit', typeof value === 'number' && n <= value);
      });
    },
    setReadonly(readonly) {
      for (const radio of radios) radio.disabled = readonly;
    },
    relabel(locale) {
      const ui = uiFor(locale);
      numbers.forEach((n, index) => setText(spoken[index] as HTMLElement, ui.stars(n, max)));
    },
  };
};

const booleanWidget = (io: WidgetIo): Widget => {
  const control = h('input', { id: io.id, type: 'checkbox' });
  control.addEventListener('change', () => io.change(control.checked));
  control.addEventListener('blur', () => io.blur());
  return {
    element: control, grouped: false, focusTarget: () => control,
    setValue(value) {
      if (control.checked !== (value === true)) control.checked = value === true;
    },
    setReadonly(readonly) {
      control.disabled = readonly;
    },
    relabel() {},
  };
};

/** Filled by the system (auto ids, computed values): shown, never edited. */
const shownWidget = (io: WidgetIo, autoId: boolean): Widget => {
  const control = h('input', { id: io.id, type: 'text', readonly: true, class: 'system' });
  return {
    element: control, grouped: false, focusTarget: () => control,
    setValue(value) {
      const text = asText(value);
      if (control.value !== text) control.value = text;
    },
    setReadonly() {},
    relabel(_locale, ui) {
      setAttr(control, 'placeholder', autoId ? ui.autoId : undefined);
    },
  };
};

const unsupportedWidget = (type: string, io: WidgetIo): Widget => {
  const element = h('p', { id: io.id, class: 'unsupported', tabindex: '-1' });
  return {
    element, grouped: false, focusTarget: () => element,
    setValue() {},
    setReadonly() {},
    relabel(_locale, ui) {
      setText(element, ui.unsupported(type));
    },
  };
};

const widgetFor = (def: FieldDefinition, io: WidgetIo, context: ViewContext): Widget => {
  const { definition, defaultLocale } = context;
  switch (def.type) {
    case 'text':
    case 'textarea': return textWidget(def, io, defaultLocale);
    case 'number': return numberWidget(def, io);
    case 'date':
    case 'month':
    case 'datetime': return dateWidget(def.type, io);
    case 'select': return selectWidget(choicesOf(def, definition), io, defaultLocale);
    case 'radio': return boxesWidget(false, choicesOf(def, definition), io, defaultLocale);
    case 'multiselect': return boxesWidget(true, choicesOf(def, definition), io, defaultLocale);
    case 'rating': return ratingWidget(def.max ?? 5, io);
    case 'boolean': return booleanWidget(io);
    case 'autoId': return shownWidget(io, true);
    case 'computed': return shownWidget(io, false);
    // Cascaders, files and groups inside rows are not in the example forms this page draws.
    default: return unsupportedWidget(def.type, io);
  }
};

/** Label, help text, the widget, errors: one field that is not a group. */
class LeafView implements View {
  readonly root: HTMLElement;
  visible = true;
  private readonly widget: Widget;
  private readonly caption = h('span', { class: 'caption' });
  private readonly mark = h('span', { class: 'required-mark', hidden: true }, h('span', { 'aria-hidden': 'true' }, '*'), h('span', { class: 'visually-hidden' }));
  private readonly help: HTMLElement | undefined;
  private readonly errorBox: HTMLElement;
  private drawnState: FieldSnapshot | undefined;
  private drawnValue: unknown = NOTHING_DRAWN;
  private drawnLocale = '';
  private drawnPath = '';
  private updates = 0;

  constructor(private readonly def: FieldDefinition, private readonly context: ViewContext, private readonly place: Place) {
    const id = `fl-${place.id}`;
    this.widget = widgetFor(def, {
      id,
      change: (value) => context.send({ type: 'change', path: place.path(), value }),
      blur: () => context.send({ type: 'blur', path: place.path() }),
    }, context);
    this.errorBox = h('div', { id: `${id}-error`, class: 'field-error' });
    this.help = def.help === undefined ? undefined : h('p', { id: `${id}-help`, class: 'help' });
    const grouped = this.widget.grouped;
    const heading = grouped === false ? h('label', { for: id }, this.caption, this.mark) : h('legend', {}, this.caption, this.mark);
    this.root = h(grouped === false ? 'div' : 'fieldset', { class: `field field-${def.type}`, 'data-field': def.id, role: grouped === false ? undefined : grouped },
      heading, this.help, this.widget.element, this.errorBox);
    const describedBy = this.help === undefined ? this.errorBox.id : `${this.help.id} ${this.errorBox.id}`;
    setAttr(this.widget.ariaTarget ?? (grouped === false ? this.widget.element : this.root), 'aria-describedby', describedBy);
  }

  update(snapshot: SessionSnapshot): void {
    const path = this.place.path();
    const state = snapshot.fields[path] ?? HIDDEN;
    const value = this.place.value(snapshot.values);
    const locale = snapshot.locale;
    // The whole point of structural sharing: an unchanged field costs three comparisons.
    if (state === this.drawnState && value === this.drawnValue && locale === this.drawnLocale && path === this.drawnPath) return;
    const ui = uiFor(locale);
    if (locale !== this.drawnLocale) {
      setText(this.caption, textIn(this.def.label, locale, this.context.defaultLocale));
      setText(this.mark.lastChild as Node, ui.requiredMark);
      if (this.help !== undefined) setText(this.help, textIn(this.def.help, locale, this.context.defaultLocale));
      this.widget.relabel(locale, ui);
    }
    if (state !== this.drawnState) this.drawState(state);
    if (value !== this.drawnValue) this.widget.setValue(value);
    if (path !== this.drawnPath) setAttr(this.root, 'data-path', path);
    this.drawnState = state;
    this.drawnValue = value;
    this.drawnLocale = locale;
    this.drawnPath = path;
    this.root.dataset.updates = String(++this.updates);
  }

  private drawState(state: FieldSnapshot): void {
    this.visible = state.visible;
    this.root.hidden = !state.visible;
    this.mark.hidden = !state.required;
    this.widget.setReadonly(state.readonly);
    const target = this.widget.ariaTarget ?? (this.widget.grouped === false ? this.widget.element : this.root);
    // aria-required is not allowed on a plain group of checkboxes; the label says "(required)" anyway.
    if (this.widget.grouped !== 'group') setAttr(target, 'aria-required', state.required ? 'true' : undefined);
    setAttr(target, 'aria-invalid', state.errors.length > 0 ? 'true' : undefined);
    this.errorBox.replaceChildren(...state.errors.map((error) => h('p', {}, error.message)));
  }

  controlFor(path: string): HTMLElement | undefined {
    return path === this.drawnPath ? this.widget.focusTarget() : undefined;
  }

  /** Focuses the field when a person could type into it; says whether it did. */
  focus(): boolean {
    const target = this.widget.focusTarget();
    if (target === undefined || !this.visible || this.drawnState?.readonly !== false) return false;
    target.focus();
    return true;
  }
}

/** One row of a group: its heading, its remove button, a view per row field. */
class RowView {
  readonly root: HTMLElement;
  index = -1;
  private readonly heading = h('h3', { class: 'row-title' });
  private readonly remove = keepFocusOnPress(h('button', { type: 'button', class: 'remove-row secondary' }));
  private readonly views: LeafView[];
  private drawnIndex = -1;
  private drawnLocale = '';

  constructor(readonly key: string, group: GroupField, path: string, context: ViewContext, groupId: string) {
    this.views = group.fields.map((field) => new LeafView(field, context, {
      id: `${groupId}-${idPart(key)}-${idPart(field.id)}`,
      path: () => `${path}.${this.index}.${field.id}`,
      value: (values) => {
        const rows = values[path];
        const row = Array.isArray(rows) ? (rows[this.index] as unknown) : undefined;
        return typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[field.id] : undefined;
      },
    }));
    this.remove.addEventListener('click', () => {
      context.send({ type: 'removeRow', path, index: this.index });
      this.onRemoved?.();
    });
    this.root = h('li', { class: 'row', 'data-row-key': key },
      h('div', { class: 'row-head' }, this.heading, this.remove), ...this.views.map((view) => view.root));
  }

  onRemoved: (() => void) | undefined;

  update(snapshot: SessionSnapshot, groupLabel: string, readonly: boolean): void {
    if (this.index !== this.drawnIndex || snapshot.locale !== this.drawnLocale) {
      const ui = uiFor(snapshot.locale);
      setText(this.heading, ui.rowTitle(groupLabel, this.index + 1));
      setText(this.remove, ui.removeRow(groupLabel, this.index + 1));
      setAttr(this.root, 'data-index', String(this.index));
      this.drawnIndex = this.index;
      this.drawnLocale = snapshot.locale;
    }
    this.remove.disabled = readonly;
    for (const view of this.views) view.update(snapshot);
  }

  /** Focuses the first field of the row a person can fill. */
  focus(): void {
    this.views.some((view) => view.focus());
  }

  controlFor(path: string): HTMLElement | undefined {
    for (const view of this.views) {
      const found = view.controlFor(path);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

/**
 * A repeating group. Rows are keyed by the snapshot's row keys (`services` -> ['r1', 'r2']): a row's
 * element, its inputs and what they show belong to its key, so removing row 0 moves nothing of row 1
 * onto another row. Reconciling is a keyed diff in the few lines of `drawRows`.
 */
class GroupView implements View {
  readonly root: HTMLElement;
  visible = true;
  private readonly id: string;
  private readonly caption = h('span', { class: 'caption' });
  private readonly mark = h('span', { class: 'required-mark', hidden: true }, h('span', { 'aria-hidden': 'true' }, '*'), h('span', { class: 'visually-hidden' }));
  private readonly errorBox: HTMLElement;
  private readonly list = h('ol', { class: 'rows' });
  private readonly empty = h('p', { class: 'empty' });
  private readonly add = keepFocusOnPress(h('button', { type: 'button', class: 'add-row secondary' }));
  private rows = new Map<string, RowView>();
  private drawnKeys: readonly string[] = NO_KEYS;
  private drawnState: FieldSnapshot | undefined;
  private drawnLocale = '';
  private updates = 0;

  constructor(private readonly def: GroupField, private readonly context: ViewContext, private readonly path: string) {
    this.id = `fl-${idPart(path)}`;
    this.errorBox = h('div', { id: `${this.id}-error`, class: 'field-error' });
    this.root = h('fieldset', { class: 'field field-group', 'data-field': def.id, 'data-path': path, 'aria-describedby': this.errorBox.id },
      h('legend', {}, this.caption, this.mark), this.errorBox, this.empty, this.list, this.add);
    this.add.addEventListener('click', () => {
      context.send({ type: 'addRow', path });
      // The listener has drawn the new row by now: take the person to it.
      const last = [...this.rows.values()].pop();
      last?.focus();
    });
  }

  update(snapshot: SessionSnapshot): void {
    const state = snapshot.fields[this.path] ?? HIDDEN;
    const keys = snapshot.rows[this.path] ?? NO_KEYS;
    const locale = snapshot.locale;
    const label = textIn(this.def.label, locale, this.context.defaultLocale);
    if (keys !== this.drawnKeys) this.drawRows(keys);
    if (state !== this.drawnState || locale !== this.drawnLocale || keys !== this.drawnKeys) {
      const ui = uiFor(locale);
      this.visible = state.visible;
      this.root.hidden = !state.visible;
      setText(this.caption, label);
      setText(this.mark.lastChild as Node, ui.requiredMark);
      this.mark.hidden = !state.required;
      setText(this.add, ui.addRow(label));
      setText(this.empty, ui.noRows);
      this.empty.hidden = keys.length > 0;
      this.add.disabled = state.readonly || (this.def.maxItems !== undefined && keys.length >= this.def.maxItems);
      setAttr(this.root, 'aria-invalid', state.errors.length > 0 ? 'true' : undefined);
      this.errorBox.replaceChildren(...state.errors.map((error) => h('p', {}, error.message)));
      this.root.dataset.updates = String(++this.updates);
    }
    for (const row of this.rows.values()) row.update(snapshot, label, state.readonly);
    this.drawnKeys = keys;
    this.drawnState = state;
    this.drawnLocale = locale;
  }

  /** Keyed diff: keep the rows whose keys remain, make the new ones, drop the rest, fix the order. */
  private drawRows(keys: readonly string[]): void {
    const next = new Map<string, RowView>();
    keys.forEach((key, index) => {
      let row = this.rows.get(key);
      if (row === undefined) {
        row = new RowView(key, this.def, this.path, this.context, idPart(this.path));
        row.onRemoved = () => this.add.focus();
      }
      row.index = index;
      next.set(key, row);
    });
    for (const [key, row] of this.rows) if (!next.has(key)) row.root.remove();
    let cursor = this.list.firstElementChild;
    for (const row of next.values()) {
      if (row.root === cursor) cursor = cursor.nextElementSibling;
      else this.list.insertBefore(row.root, cursor);
    }
    this.rows = next;
  }

  controlFor(path: string): HTMLElement | undefined {
    if (path === this.path) return this.add;
    if (!path.startsWith(`${this.path}.`)) return undefined;
    for (const row of this.rows.values()) {
      const found = row.controlFor(path);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

/** A section of the form: hidden when none of its fields is visible (staff-only sections for a customer). */
export class SectionView implements View {
  readonly root: HTMLElement;
  visible = true;
  private readonly title = h('h2', {});
  private readonly description = h('p', { class: 'section-description' });
  private readonly views: View[];
  private drawnLocale = '';

  constructor(private readonly section: FormDefinition['sections'][number], private readonly context: ViewContext) {
    this.views = section.fields.map((field) => field.type === 'group'
      ? new GroupView(field, context, field.id)
      : new LeafView(field, context, {
        id: idPart(field.id),
        path: () => field.id,
        value: (values) => values[field.id],
      }));
    this.title.id = `section-${idPart(section.id)}`;
    this.root = h('section', { class: 'form-section', 'aria-labelledby': this.title.id }, this.title, this.description, ...this.views.map((view) => view.root));
  }

  update(snapshot: SessionSnapshot): void {
    if (snapshot.locale !== this.drawnLocale) {
      const { defaultLocale } = this.context;
      setText(this.title, textIn(this.section.title ?? this.section.id, snapshot.locale, defaultLocale));
      setText(this.description, textIn(this.section.description, snapshot.locale, defaultLocale));
      this.description.hidden = this.section.description === undefined;
      this.drawnLocale = snapshot.locale;
    }
    for (const view of this.views) view.update(snapshot);
    this.visible = this.views.some((view) => view.visible);
    this.root.hidden = !this.visible;
  }

  controlFor(path: string): HTMLElement | undefined {
    for (const view of this.views) {
      const found = view.controlFor(path);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}
