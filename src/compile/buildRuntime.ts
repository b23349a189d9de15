import type { LocalizedText } from '../core/definitionTypes';
import { isPlainObject } from '../core/reserved';
import { analyzeLogic } from '../logic/analyzeLogic';
import { compileLogic, type Evaluator } from '../logic/compileLogic';
import { truthy } from '../logic/truthy';
import type { RuntimeField, RuntimeForm, RuntimeRule, RuntimeTag } from '../validate/runtimeTypes';
import { buildFieldCheck } from './buildFieldCheck';
import type { FieldNode, FormModel } from './formModel';

type Formats = Readonly<Record<string, (value: string) => boolean>>;

const roleSet = (value: unknown): ReadonlySet<string> | undefined =>
  Array.isArray(value) ? new Set(value.filter((role): role is string => typeof role === 'string')) : undefined;

const both = (a: Evaluator | undefined, b: Evaluator | undefined): Evaluator | undefined =>
  a === undefined ? b : b === undefined ? a : (data) => truthy(a(data)) && truthy(b(data));

// Not frozen: V8 clones a frozen object's shape on a slow path, and this one is internal, never handed out.
const template = (keys: readonly string[]): Readonly<Record<string, unknown>> =>
  Object.fromEntries(keys.map((key) => [key, null]));

const optional = (logic: unknown): Evaluator | undefined => (logic === undefined ? undefined : compileLogic(logic));

/** Compiles the checked model into the runtime form: closures and ajv validators, built once. */
export const buildRuntime = (
  model: FormModel,
  order: { readonly topLevel: readonly FieldNode[]; readonly rows: ReadonlyMap<FieldNode, readonly FieldNode[]> },
  formats: Formats,
): RuntimeForm => {
  const built = new Map<FieldNode, RuntimeField>();
  const build = (node: FieldNode, group: RuntimeField | undefined): RuntimeField => {
    const def = node.def;
    const access = isPlainObject(def.access) ? def.access : {};
    const sectionVisible = group === undefined ? optional(node.section.def.visibleIf) : undefined;
    // A list that needs at least one item is required unless the definition says otherwise.
    const impliedRequired = typeof def.minItems === 'number' && def.minItems >= 1;
    const required = def.required === undefined ? impliedRequired : typeof def.required === 'boolean' ? def.required : compileLogic(def.required);
    const field: { -readonly [K in keyof RuntimeField]: RuntimeField[K] } = {
      id: node.id,
      type: node.type,
      label: def.label as LocalizedText,
      messages: isPlainObject(def.messages) ? (def.messages as Record<string, LocalizedText>) : undefined,
      visible: both(sectionVisible, optional(def.visibleIf)),
      required,
      readonly: optional(def.readonlyIf),
      readRoles: roleSet(access.read),
      writeRoles: roleSet(access.write),
      check: buildFieldCheck(node, model.options.get(node), formats),
      compute: node.type === 'computed' ? compileLogic(def.expression) : undefined,
      rows: undefined,
      rowIds: undefined,
      rowTemplate: undefined,
      group,
    };
    if (node.type === 'group') {
      field.rows = (order.rows.get(node) ?? node.children).map((child) => build(child, field));
      field.rowIds = new Set(node.children.map((child) => child.id));
      field.rowTemplate = template(node.children.map((child) => child.id));
    }
    built.set(node, field);
    return field;
  };
  const fields = order.topLevel.map((node) => build(node, undefined));

  const list = (key: string): readonly Record<string, unknown>[] =>
    (Array.isArray(model.def[key]) ? (model.def[key] as unknown[]) : []).filter(isPlainObject);
  const rules: RuntimeRule[] = list('rules').map((rule) => {
    const path = typeof rule.path === 'string' ? rule.path : '';
    const target = model.byId.get(path.split('.')[0] ?? '');
    const reads = [...new Set(analyzeLogic(rule.assert, '').vars
      .filter((use) => use.scope.kind === 'root')
      .map((use) => use.name.split('.')[0] ?? '')
      .filter((id) => model.byId.get(id)?.group === undefined && model.byId.has(id)))];
    return {
      id: String(rule.id),
      when: optional(rule.when),
      reads,
      assert: compileLogic(rule.assert),
      path,
      field: target === undefined ? undefined : built.get(target),
      message: rule.message as LocalizedText | undefined,
    };
  });
  const tags: RuntimeTag[] = list('tags').map((tag) => ({ id: String(tag.id), when: compileLogic(tag.when) }));

  return {
    fields,
    topLevelIds: new Set(model.fields.map((field) => field.id)),
    scopeTemplate: template(['$role', '$now', '$today', '$row', ...model.fields.map((field) => field.id)]),
    rules,
    tags,
    roles: new Set(model.roles),
    defaultLocale: typeof model.def.defaultLocale === 'string' ? model.def.defaultLocale : 'zh-CN',
  };
};
