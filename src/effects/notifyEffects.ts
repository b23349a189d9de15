import type { FieldIR, InternalForm, TransitionIR, WorkflowIR } from '../compile/internalForm';
import type { LocalizedText } from '../core/definitionTypes';
import { localize } from '../core/localize';
import { hasOwn } from '../core/reserved';
import type { FormValues } from '../core/values';
import { maskPlan, maskValues, personalMasks, type MaskPlan } from '../governance/maskValues';

/**
 * A notification the app should send after a transition (a confirmation SMS after submission or
 * review). formloom sends nothing: the app delivers `text` to `to` through `channel`.
 */
export interface NotifyEffect {
  readonly type: 'notify';
  /** The template id of `notifications.templates`. */
  readonly template: string;
  /** sms, email …: the effect's `channel`, else email for an e-mail field, else sms. */
  readonly channel: string;
  /** The recipient: the plain answer of the recipient field (the app must reach it); null when unanswered. */
  readonly to: string | null;
  /** The field the recipient was read from. */
  readonly recipientField: string;
  readonly locale: string;
  /** The message, its `{field:…}` placeholders shown as an export shows them and masked under `notifications.policy`. */
  readonly text: string;
  readonly workflow: string;
  readonly event: string;
  /** The state the record entered. */
  readonly state: string;
  readonly recordId: string;
}

export type Effect = NotifyEffect;

/** What a fired transition produced, for its effects. */
export interface Fired {
  readonly workflow: WorkflowIR;
  readonly transition: TransitionIR;
  readonly recordId: string;
  readonly values: FormValues;
  readonly reason: string | undefined;
  readonly locale: string;
}

// Without a policy, personal data is still masked by its kind: a message is no place for an ID number.
const planOf = (form: InternalForm): MaskPlan =>
  form.notifications.policy === undefined
    ? { reveal: false, role: undefined, masks: personalMasks(form) }
    : maskPlan(form, form.notifications.policy, undefined);

const answerText = (field: FieldIR, value: unknown, locale: string, form: InternalForm): string => {
  if (value === undefined || value === null) return '';
  if (field.newRowScope !== undefined) return Array.isArray(value) ? String(value.length) : '';
  const text = (label: LocalizedText | undefined): string => localize(label, locale, form.defaultLocale);
  return field.kind.cellText(value, { def: field.def, options: field.options, text, locale, timeZone: form.timeZone });
};

/** The effects of a fired transition, in the order the definition lists them. Never throws on odd values. */
export const notifyEffects = (form: InternalForm, fired: Fired): Effect[] => {
  const { transition, workflow } = fired;
  if (transition.effects.length === 0) return [];
  const masked = maskValues(form, fired.values, planOf(form));
  const text = (label: LocalizedText | undefined): string => localize(label, fired.locale, form.defaultLocale);
  const builtIn: Readonly<Record<string, string>> = {
    recordId: fired.recordId,
    event: transition.event,
    state: text(workflow.states.get(transition.to)?.label ?? transition.to),
    form: text(form.title),
    reason: fired.reason ?? '',
  };
  return transition.effects.map((effect) => {
    const template = text(form.notifications.templates.get(effect.notify));
    const message = template.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
      if (name.startsWith('field:')) {
        const field = form.fieldsByKey.get(name.slice(6));
        return field === undefined ? '' : answerText(field, masked[field.id], fired.locale, form);
      }
      return hasOwn(builtIn, name) ? (builtIn[name] as string) : whole;
    });
    const recipient = fired.values[effect.to.id];
    return Object.freeze({
      type: 'notify' as const,
      template: effect.notify,
      channel: effect.channel,
      to: typeof recipient === 'string' && recipient !== '' ? recipient : null,
      recipientField: effect.to.id,
      locale: fired.locale,
      text: message,
      workflow: workflow.name,
      event: transition.event,
      state: transition.to,
      recordId: fired.recordId,
    });
  });
};
