import type { FieldIR } from '../compile/internalForm';
import { hasOwn } from '../core/reserved';
import { maskChecked } from '../governance/maskValue';
import { maskValues } from '../governance/maskValues';
import { recordValues } from '../governance/recordValues';
import { readJson } from '../validate/readJson';
import { csvCell, csvLine } from './csvText';
import type { ExportPlan } from './exportPlan';
import { cellText, exportRows } from './exportRows';

/** How one column turns a record's raw answer into its CSV cell. */
type CellWriter = (values: Readonly<Record<string, unknown>>, plain: boolean) => string;

// Answers repeat (a select has a handful of values): a column remembers the text of each, up to a bound.
const MEMO_LIMIT = 4096;

const columnWriter = (plan: ExportPlan, field: FieldIR): CellWriter => {
  const kind = plan.mask === undefined || plan.mask.reveal ? undefined : plan.mask.masks.get(field.key);
  if (field.newRowScope !== undefined) {
    // A group cell masks its rows field by field, exactly as the reference does.
    return (values, plain) => (plain || hasOwn(values, field.id) ? csvCell(cellText(plan, field, plan.mask === undefined ? values[field.id] : maskValues(plan.form, { [field.id]: values[field.id] }, plan.mask)[field.id])) : '');
  }
  const memo = field.options !== undefined && (kind === undefined || kind === 'none') ? new Map<unknown, string>() : undefined;
  return (values, plain) => {
    const raw = plain || hasOwn(values, field.id) ? values[field.id] : undefined;
    if (raw === undefined) return '';
    if (memo !== undefined && (typeof raw === 'string' || typeof raw === 'number')) {
      let cell = memo.get(raw);
      if (cell === undefined) {
        cell = csvCell(cellText(plan, field, raw));
        if (memo.size < MEMO_LIMIT) memo.set(raw, cell);
      }
      return cell;
    }
    // A list or object is read as JSON first, as the masked copy of the reference is: a getter is never called.
    const value = typeof raw === 'object' && raw !== null ? readJson(raw).value : raw;
    return csvCell(cellText(plan, field, kind === undefined || kind === 'none' ? value : maskChecked(value, kind)));
  };
};

/**
 * The CSV lines of one record, written column by column without building the masked values object
 * first: the export's hot path. `exportRows` + `csvLine` is the reference it must equal (a property
 * test compares them); the "one line per group row" mode goes through the reference.
 */
export const csvRecordWriter = (plan: ExportPlan): ((item: unknown) => string) => {
  if (plan.rowsOf !== undefined) return (item) => exportRows(plan, item).map((row) => csvLine(row.texts)).join('');
  const writers = plan.columns.map((column) => columnWriter(plan, column.field));
  return (item) => {
    const values = recordValues(plan.form, item);
    if (values === undefined) return '';
    // On an object of the usual kind, a field id (never an Object.prototype name: the compiler refuses
    // those) can only be an own property: one check per record instead of one per cell.
    let plain = false;
    try {
      const prototype = Object.getPrototypeOf(values) as unknown;
      plain = prototype === Object.prototype || prototype === null;
    } catch {
      plain = false; // a Proxy that will not say: every cell checks for itself
    }
    let line = '';
    for (let index = 0; index < writers.length; index++) line += (index === 0 ? '' : ',') + (writers[index] as CellWriter)(values, plain);
    return `${line}\r\n`;
  };
};
