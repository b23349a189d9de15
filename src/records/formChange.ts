/** One difference between two versions of a form definition, as `diffForms` reports it. */
export interface FormChange {
  /** Dotted key of what changed: a field key (`phone`, `services.solution`), `workflows.review`, `optionSets.x` … */
  readonly path: string;
  readonly kind:
    | 'field-added' | 'field-removed' | 'type-changed' | 'option-added' | 'option-removed' | 'required-added' | 'required-removed'
    | 'now-conditional' | 'limits-changed' | 'access-changed' | 'workflow-added' | 'workflow-removed' | 'state-added' | 'state-removed'
    | 'label-changed';
  /** True when records valid under `from` may be invalid or lose data under `to`. */
  readonly breaking: boolean;
  /** A short English note: what changed (from -> to). */
  readonly detail: string;
}
