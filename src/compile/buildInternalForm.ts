import type { LocalizedText, MaskKind, PiiKind } from '../core/definitionTypes';
import { parseDuration, type Duration } from '../core/duration';
import type { DefinitionWarning } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import { parseTemplate } from '../core/template';
import type { FormDefinition } from '../definition/formDefinition';
import type { FormatTable } from '../fields/fieldKind';
import { analyzeLogic } from '../logic/analyzeLogic';
import { compileLogic } from '../logic/compileLogic';
import { buildFields, scopeFactory } from './buildFields';
import type { FieldOrder } from './dependencyGraph';
import type { FieldNode, FormModel, RawObject } from './formModel';
import type {
  ChangeRequestsIR, Dependent, EncryptionIR, FieldIR, InternalForm, MaskingIR, OwnershipIR, RuleIR, TagIR, TransitionIR, WorkflowIR, WorkflowStateIR,
} from './internalForm';

type Raw = RawObject;
const objectAt = (value: unknown): Raw => (isPlainObject(value) ? value : {});
const listAt = (value: unknown): readonly Raw[] => (Array.isArray(value) ? value.filter(isPlainObject) : []);
const stringsAt = (value: unknown): readonly string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const durationAt = (value: unknown): Duration | undefined => (typeof value === 'string' ? parseDuration(value) : undefined);
const SEVEN_DAYS = /* @__PURE__ */ parseDuration('P7D') as Duration;

export interface BuildInput {
  readonly model: FormModel;
  readonly order: FieldOrder;
  readonly formats: FormatTable;
  readonly dependents: ReadonlyMap<string, readonly Dependent[]>;
  readonly defaults: ReadonlyMap<FieldNode, { readonly value: unknown }>;
  readonly warnings: readonly DefinitionWarning[];
  readonly timeZone: string | undefined;
}

/** Builds the frozen internal form from a model that holds no definition issue. */
export const buildInternalForm = (input: BuildInput): InternalForm => {
  const { model, order } = input;
  const def = model.def;
  const defaultLocale = typeof def.defaultLocale === 'string' ? def.defaultLocale : 'zh-CN';
  const { topLevel, byNode } = buildFields(model, order, input.formats, defaultLocale, input.defaults);
  const irOf = (node: FieldNode): FieldIR => byNode.get(node) as FieldIR;
  const topField = (id: string): FieldIR | undefined => {
    const node = model.topLevel.get(id);
    return node === undefined ? undefined : irOf(node);
  };
  const allFields = [...model.byKey.values()].map(irOf);
  const fieldsByKey = new Map(allFields.map((field) => [field.key, field] as const));

  const rules: RuleIR[] = listAt(def.rules).map((rule, index) => {
    const path = typeof rule.path === 'string' ? rule.path : '';
    const reads = [...new Set(analyzeLogic(rule.assert, '').vars
      .filter((use) => use.scope.kind === 'root')
      .map((use) => use.name.split('.')[0] ?? '')
      .filter((id) => model.topLevel.has(id)))];
    return Object.freeze({
      id: String(rule.id),
      index,
      when: rule.when === undefined ? undefined : compileLogic(rule.when),
      reads,
      assert: compileLogic(rule.assert),
      path,
      field: topField(path.split('.')[0] ?? ''),
      message: rule.message as LocalizedText | undefined,
    });
  });
  const tags: TagIR[] = listAt(def.tags).map((tag) =>
    Object.freeze({ id: String(tag.id), label: tag.label as LocalizedText | undefined, when: compileLogic(tag.when) }));

  const workflows = new Map<string, WorkflowIR>();
  for (const [name, raw] of Object.entries(objectAt(def.workflows))) workflows.set(name, buildWorkflow(name, objectAt(raw), topField));
  const requests = objectAt(def.changeRequests);
  const review = typeof requests.workflow === 'string' ? workflows.get(requests.workflow) : undefined;
  // Records never hold a state of the review workflow: it runs on requests.
  if (review !== undefined) workflows.delete(review.name);
  const changeRequests: ChangeRequestsIR | undefined = review === undefined ? undefined : Object.freeze({ workflow: review, apply: String(requests.apply) });
  const owners = objectAt(def.ownership);
  const ownership: OwnershipIR = Object.freeze({ ownOnly: new Set(stringsAt(owners.ownOnly)), assign: new Set(stringsAt(owners.assign)) });

  const masking: MaskingIR = {
    policies: new Map(Object.entries(objectAt(objectAt(def.masking).policies)).map(([policy, fields]) =>
      [policy, new Map(Object.entries(objectAt(fields)) as [string, MaskKind][])] as const)),
    reveal: new Map(Object.entries(objectAt(objectAt(def.masking).reveal)).map(([policy, roles]) => [policy, new Set(stringsAt(roles))] as const)),
  };
  const encryption: EncryptionIR | undefined = isPlainObject(def.encryption)
    ? Object.freeze({ pii: new Set(stringsAt(def.encryption.pii) as PiiKind[]), reveal: new Set(stringsAt(def.encryption.reveal)) })
    : undefined;
  const filename = objectAt(def.export).filename;
  const parsedFilename = typeof filename === 'string' ? parseTemplate(filename, { seq: false, field: true }) : undefined;
  const title = def.title as LocalizedText;

  return Object.freeze({
    id: String(def.id),
    version: Number(def.version),
    title,
    description: def.description as LocalizedText | undefined,
    defaultLocale,
    roles: Object.freeze([...model.roles]),
    roleSet: new Set(model.roles),
    definition: def as unknown as FormDefinition,
    sections: Object.freeze(model.sections.map((section) => Object.freeze({
      id: section.id,
      title: section.def.title as LocalizedText | undefined,
      description: section.def.description as LocalizedText | undefined,
      defPath: section.defPath,
      fields: Object.freeze(section.fields.map(irOf)),
    }))),
    fields: Object.freeze(topLevel),
    allFields: Object.freeze(allFields),
    evaluationOrder: Object.freeze(order.topLevel.map(irOf)),
    fieldsByKey,
    topLevelIds: new Set(model.topLevel.keys()),
    rules: Object.freeze(rules),
    tags: Object.freeze(tags),
    workflows,
    ownership,
    changeRequests,
    dedup: Object.freeze(listAt(def.dedup).map((entry) => Object.freeze({
      id: String(entry.id),
      fields: Object.freeze(stringsAt(entry.fields).map(topField).filter((field): field is FieldIR => field !== undefined)),
      normalize: Object.freeze(stringsAt(entry.normalize)),
    }))),
    masking: Object.freeze(masking),
    encryption,
    notifications: Object.freeze({
      templates: new Map(Object.entries(objectAt(objectAt(def.notifications).templates)) as [string, LocalizedText][]),
      policy: typeof objectAt(def.notifications).policy === 'string' ? String(objectAt(def.notifications).policy) : undefined,
    }),
    drafts: Object.freeze({ ttl: durationAt(objectAt(def.drafts).ttl) ?? SEVEN_DAYS }),
    exportFilename: parsedFilename?.ok === true ? Object.freeze(parsedFilename.parts) : undefined,
    retention: Object.freeze({
      keep: durationAt(objectAt(def.retention).keep),
      from: (['created', 'updated', 'ended'] as const).find((from) => from === objectAt(def.retention).from) ?? 'created',
      reconfirm: durationAt(objectAt(def.retention).reconfirm),
    }),
    dependents: input.dependents,
    newScope: scopeFactory(['$role', '$now', '$today', '$row', ...model.topLevel.keys()]),
    timeZone: input.timeZone,
    warnings: Object.freeze(input.warnings.slice()),
    subject: Object.freeze({ label: title, defaultLocale }),
  });
};

const buildWorkflow = (name: string, raw: Raw, topField: (id: string) => FieldIR | undefined): WorkflowIR => {
  const states = new Map<string, WorkflowStateIR>();
  for (const [state, stateRaw] of Object.entries(objectAt(raw.states))) {
    const stateDef = objectAt(stateRaw);
    states.set(state, Object.freeze({
      name: state,
      label: stateDef.label as LocalizedText | undefined,
      deadline: typeof stateDef.deadline === 'string' || isPlainObject(stateDef.deadline)
        ? (stateDef.deadline as string | { readonly workingDays: number })
        : undefined,
      final: stateDef.final === true,
    }));
  }
  const transitions: TransitionIR[] = listAt(raw.transitions).map((transition, index) => Object.freeze({
    index,
    event: String(transition.event),
    from: new Set(typeof transition.from === 'string' ? [transition.from] : stringsAt(transition.from)),
    to: String(transition.to),
    label: transition.label as LocalizedText | undefined,
    roles: Array.isArray(transition.roles) ? new Set(stringsAt(transition.roles)) : undefined,
    when: transition.when === undefined ? undefined : compileLogic(transition.when),
    requires: Object.freeze(stringsAt(transition.requires).map(topField).filter((field): field is FieldIR => field !== undefined)),
    reason: transition.reason === 'required' || transition.reason === 'optional' ? transition.reason : undefined,
    maxTimes: typeof transition.maxTimes === 'number' ? transition.maxTimes : undefined,
    set: Object.freeze(Object.entries(objectAt(transition.set)).flatMap(([id, logic]) => {
      const field = topField(id);
      return field === undefined ? [] : [Object.freeze({ field, value: compileLogic(logic) })];
    })),
    effects: Object.freeze(listAt(transition.effects).flatMap((effect) => {
      const to = topField(String(effect.to));
      if (to === undefined) return [];
      const raw = to.def as { readonly format?: unknown; readonly pii?: unknown };
      const channel = typeof effect.channel === 'string' ? effect.channel : raw.format === 'email' || raw.pii === 'email' ? 'email' : 'sms';
      return [Object.freeze({ notify: String(effect.notify), to, channel })];
    })),
  }));
  return Object.freeze({
    name,
    label: raw.label as LocalizedText | undefined,
    initial: String(raw.initial),
    states,
    transitions: Object.freeze(transitions),
  });
};
