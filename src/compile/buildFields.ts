import type { LocalizedText, PiiKind } from '../core/definitionTypes';
import type { IssueSubject } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import type { FieldDefinition } from '../fields/fieldDefinition';
import type { FormatTable, Scope } from '../fields/fieldKind';
import { kindOf } from '../fields/registry';
import { compileLogic, type Evaluator } from '../logic/compileLogic';
import { truthy } from '../logic/truthy';
import type { FieldOrder } from './dependencyGraph';
import type { FieldNode, FormModel } from './formModel';
import type { FieldIR } from './internalForm';

const roleSet = (value: unknown): ReadonlySet<string> | undefined =>
  Array.isArray(value) ? new Set(value.filter((role): role is string => typeof role === 'string')) : undefined;

const both = (a: Evaluator | undefined, b: Evaluator | undefined): Evaluator | undefined =>
  a === undefined ? b : b === undefined ? a : (data) => truthy(a(data)) && truthy(b(data));

const optional = (logic: unknown): Evaluator | undefined => (logic === undefined ? undefined : compileLogic(logic));

/**
 * A factory of scopes shaped like `keys` (every key set to null). The template stays inside the
 * closure and unfrozen: cloning a frozen object takes V8's slow path, and nobody else can reach it.
 * It is made by Object.fromEntries, not by adding keys one by one: spreading an object built key by
 * key measured 100 times slower (4 µs against 40 ns for 23 keys, Node 20).
 */
export const scopeFactory = (keys: readonly string[]): (() => Scope) => {
  const template: Scope = Object.fromEntries(keys.map((key) => [key, null]));
  return () => ({ ...template });
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Builds every field of the internal form: compiled conditions, value rules, access, subject. */
export const buildFields = (
  model: FormModel,
  order: FieldOrder,
  formats: FormatTable,
  defaultLocale: string,
  defaultValues: ReadonlyMap<FieldNode, { readonly value: unknown }>,
): { readonly topLevel: readonly FieldIR[]; readonly byNode: ReadonlyMap<FieldNode, FieldIR> } => {
  const byNode = new Map<FieldNode, FieldIR>();
  const build = (node: FieldNode, group: FieldIR | undefined): FieldIR => {
    const def = node.def as unknown as FieldDefinition;
    const raw = node.def;
    const kind = kindOf(node.type);
    const access = isPlainObject(raw.access) ? raw.access : {};
    const sectionVisible = group === undefined ? optional(node.section.def.visibleIf) : undefined;
    // A list that needs at least one item is required unless the definition says otherwise.
    const impliedRequired = typeof raw.minItems === 'number' && raw.minItems >= 1;
    const required = raw.required === undefined ? impliedRequired : typeof raw.required === 'boolean' ? raw.required : compileLogic(raw.required);
    const writeRoles = roleSet(access.write);
    const readRoles = roleSet(access.read);
    const label = (raw.label ?? node.id) as LocalizedText;
    const subject: IssueSubject = group === undefined ? { label, defaultLocale } : { label, group: group.label, defaultLocale };
    const options = model.options.get(node);
    const field: Mutable<FieldIR> = {
      key: node.key,
      id: node.id,
      type: node.type,
      kind,
      def,
      defPath: node.defPath,
      sectionId: node.section.id,
      label,
      help: raw.help as LocalizedText | undefined,
      placeholder: raw.placeholder as LocalizedText | undefined,
      pii: raw.pii as PiiKind | undefined,
      auto: raw.auto as FieldIR['auto'],
      // A role that may write a field may also read it; nobody writes what the system fills.
      readRoles: readRoles === undefined ? undefined : new Set([...readRoles, ...(writeRoles ?? [])]),
      writeRoles: raw.auto !== undefined ? new Set<string>() : writeRoles,
      defaultValue: defaultValues.get(node),
      options,
      visible: both(sectionVisible, optional(raw.visibleIf)),
      required,
      readonly: optional(raw.readonlyIf),
      compute: node.type === 'computed' ? compileLogic(raw.expression) : undefined,
      value: kind.values({ id: node.id, def, defPath: node.defPath, options, formats, forbid: model.detectable }),
      mask: kind.defaultMask(def),
      messages: isPlainObject(raw.messages) ? (raw.messages as Readonly<Record<string, LocalizedText>>) : undefined,
      subject,
      group,
      children: [],
      rowOrder: [],
      rowIds: undefined,
      newRowScope: undefined,
    };
    byNode.set(node, field);
    if (node.type === 'group') {
      field.children = node.children.map((child) => build(child, field));
      field.rowOrder = (order.rows.get(node) ?? node.children).map((child) => byNode.get(child) as FieldIR);
      field.rowIds = new Set(node.children.map((child) => child.id));
      field.newRowScope = scopeFactory(node.children.map((child) => child.id));
      Object.freeze(field.children);
      Object.freeze(field.rowOrder);
    }
    return Object.freeze(field);
  };
  const topLevel = model.fields.map((node) => build(node, undefined));
  return { topLevel, byNode };
};
