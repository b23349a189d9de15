import type { LocalizedText } from '../core/definitionTypes';
import { isPlainObject, isReservedName } from '../core/reserved';
import type { FormModel } from './formModel';
import type { IssueCollector } from './issueCollector';

type Raw = Readonly<Record<string, unknown>>;
const objectAt = (value: unknown): Raw => (isPlainObject(value) ? value : {});
const listAt = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** Placeholders a notification template may use besides `{field:<id>}`. */
export const NOTIFICATION_PLACEHOLDERS = ['recordId', 'event', 'state', 'form', 'reason'] as const;

/** The `{…}` placeholders of a template text, in order. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] as string);

const textsOf = (text: unknown): string[] =>
  typeof text === 'string' ? [text] : isPlainObject(text) ? Object.values(text as LocalizedText).filter((value): value is string => typeof value === 'string') : [];

/**
 * Notification templates and the transitions' effects: every template a transition names exists, its
 * recipient is a top-level field, every placeholder is one a message can fill, and the policy the
 * placeholders are masked under exists. A message that would show an unknown field or an unmasked ID
 * number is a definition mistake, found here rather than when the first SMS goes out.
 */
export const checkNotifications = (model: FormModel, issues: IssueCollector): void => {
  const def = model.def;
  const notifications = objectAt(def.notifications);
  const templates = objectAt(notifications.templates);
  const templateIds = Object.keys(templates);
  const policies = Object.keys(objectAt(objectAt(def.masking).policies));
  const checkTopField = (id: unknown, path: string): void => {
    if (typeof id !== 'string') return;
    if (isReservedName(id)) issues.issue('reserved-id', path, undefined, { name: id });
    else if (!model.topLevel.has(id)) issues.issue('unknown-field', path, undefined, { name: id, suggestion: issues.suggest(id, model.topLevel.keys()) });
  };
  for (const [id, text] of Object.entries(templates)) {
    for (const placeholder of new Set(textsOf(text).flatMap(placeholdersOf))) {
      const field = /^field:(.*)$/.exec(placeholder);
      if (field !== null) checkTopField(field[1], `notifications.templates.${id}`);
      else if (!(NOTIFICATION_PLACEHOLDERS as readonly string[]).includes(placeholder)) issues.issue('bad-placeholder', `notifications.templates.${id}`, undefined, { name: placeholder });
    }
  }
  const policy = notifications.policy;
  if (typeof policy === 'string' && !policies.includes(policy)) {
    issues.issue('unknown-policy', 'notifications.policy', undefined, { name: policy, suggestion: issues.suggest(policy, policies) });
  }
  for (const [name, workflow] of Object.entries(objectAt(def.workflows))) {
    listAt(objectAt(workflow).transitions).forEach((transition, index) => {
      listAt(objectAt(transition).effects).forEach((rawEffect, at) => {
        const effect = objectAt(rawEffect);
        const path = `workflows.${name}.transitions.${index}.effects.${at}`;
        if (typeof effect.notify === 'string' && !templateIds.includes(effect.notify)) {
          issues.issue('unknown-template', `${path}.notify`, undefined, { name: effect.notify, suggestion: issues.suggest(effect.notify, templateIds) });
        }
        checkTopField(effect.to, `${path}.to`);
      });
    });
  }
};
