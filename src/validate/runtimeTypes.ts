import type { FieldType, LocalizedText } from '../core/definitionTypes';
import type { ErrorCode, IssueParams } from '../core/issues';
import type { Evaluator } from '../logic/compileLogic';

/** The evaluation data of conditions: field id -> answer (null when unanswered, hidden or invalid). */
export type Scope = Record<string, unknown>;

/** What is wrong with one value, before it is given a path and a localised message. */
export interface Failure {
  readonly code: ErrorCode;
  readonly params?: IssueParams;
}

export type ValueCheck = (value: unknown, scope: Scope) => Failure | undefined;

/** A field as the runtime needs it: everything decided at compile time, nothing left to interpret. */
export interface RuntimeField {
  readonly id: string;
  readonly type: FieldType;
  readonly label: LocalizedText;
  readonly messages: Readonly<Record<string, LocalizedText>> | undefined;
  readonly visible: Evaluator | undefined;
  readonly required: boolean | Evaluator;
  readonly readonly: Evaluator | undefined;
  readonly readRoles: ReadonlySet<string> | undefined;
  readonly writeRoles: ReadonlySet<string> | undefined;
  readonly check: ValueCheck | undefined;
  readonly compute: Evaluator | undefined;
  /** Row fields of a repeating group, in evaluation order. */
  readonly rows: readonly RuntimeField[] | undefined;
  readonly rowIds: ReadonlySet<string> | undefined;
  /** Every row field id set to null: the shape each row scope is cloned from. */
  readonly rowTemplate: Readonly<Scope> | undefined;
  readonly group: RuntimeField | undefined;
}

export interface RuntimeRule {
  readonly id: string;
  readonly when: Evaluator | undefined;
  /** Top-level fields the assertion reads: without `when`, the rule waits until all are answered. */
  readonly reads: readonly string[];
  readonly assert: Evaluator;
  readonly path: string;
  readonly field: RuntimeField | undefined;
  readonly message: LocalizedText | undefined;
}

export interface RuntimeTag {
  readonly id: string;
  readonly when: Evaluator;
}

export interface RuntimeForm {
  readonly fields: readonly RuntimeField[];
  readonly topLevelIds: ReadonlySet<string>;
  /** Context variables and every top-level field id set to null: the shape each scope is cloned from. */
  readonly scopeTemplate: Readonly<Scope>;
  readonly rules: readonly RuntimeRule[];
  readonly tags: readonly RuntimeTag[];
  readonly roles: ReadonlySet<string>;
  readonly defaultLocale: string;
}
