import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { LocalizedText } from '../core/definitionTypes';
import { FormUsageError } from '../core/issues';
import { localize } from '../core/localize';
import { closest } from '../core/suggest';
import { canRead, maskPlan, personalMasks, type MaskPlan } from '../governance/maskValues';

/** One column of an export: the field it shows (a row field in row mode), and its header. */
export interface Column {
  readonly field: FieldIR;
  readonly header: string;
  /** In "one line per group row" mode, the columns of the row's fields. */
  readonly inRow: boolean;
}

/** Everything an export decides once, before the first record: columns, masks, language. */
export interface ExportPlan {
  readonly form: InternalForm;
  readonly columns: readonly Column[];
  /** The group whose rows each get a line ('services'), or undefined for one line per record. */
  readonly rowsOf: FieldIR | undefined;
  readonly mask: MaskPlan | undefined;
  readonly role: string | undefined;
  readonly locale: string;
  readonly text: (text: LocalizedText | undefined) => string;
}

export interface PlanOptions {
  readonly policy: string | undefined;
  readonly role: string | undefined;
  readonly locale: string;
  readonly header: 'label' | 'id';
  readonly rows: string | undefined;
}

/**
 * The export's plan: the fields the role may read, in definition order, headed by their label in
 * the export's language (or their id); in row mode, the group's row fields follow the record's
 * fields, headed "group·field". Masks: the named policy, else the form's `export` policy if it has
 * one; with neither, fields holding personal data are still masked by their kind (see maskPlan).
 */
export const exportPlan = (form: InternalForm, options: PlanOptions): ExportPlan => {
  const text = (value: LocalizedText | undefined): string => localize(value, options.locale, form.defaultLocale);
  const rowsOf = options.rows === undefined ? undefined : form.fieldsByKey.get(options.rows);
  if (options.rows !== undefined && (rowsOf === undefined || rowsOf.newRowScope === undefined)) {
    const groups = form.fields.filter((field) => field.newRowScope !== undefined).map((field) => field.id);
    const suggestion = closest(options.rows, groups);
    throw new FormUsageError('bad-option', `\`rows\` names a repeating group (groups: ${groups.join(', ') || 'none'})${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`}`, 'rows');
  }
  const head = (field: FieldIR, group?: FieldIR): string =>
    options.header === 'id' ? field.key : group === undefined ? text(field.label) : `${text(group.label)}·${text(field.label)}`;
  const columns: Column[] = [];
  for (const field of form.fields) {
    if (!canRead(field, options.role) || field === rowsOf) continue;
    columns.push({ field, header: head(field), inRow: false });
  }
  if (rowsOf !== undefined && canRead(rowsOf, options.role)) {
    for (const child of rowsOf.children) if (canRead(child, options.role)) columns.push({ field: child, header: head(child, rowsOf), inRow: true });
  }
  const policy = options.policy ?? (form.masking.policies.has('export') ? 'export' : undefined);
  const mask = policy === undefined ? defaultPlan(form, options.role) : maskPlan(form, policy, options.role);
  return { form, columns, rowsOf, mask, role: options.role, locale: options.locale, text };
};

/** Without a policy, personal data is still masked: each pii field (or personal format) by its kind's mask. */
const defaultPlan = (form: InternalForm, role: string | undefined): MaskPlan => ({ reveal: false, role, masks: personalMasks(form) });
