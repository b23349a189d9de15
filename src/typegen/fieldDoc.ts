import type { FieldIR } from '../compile/internalForm';
import type { LocalizedText } from '../core/definitionTypes';
import { commentText } from './typeText';

/** A text in the form's own language first, then its translations: `客户类型 (en: Customer type)`. */
export const localizedText = (text: LocalizedText, defaultLocale: string): string => {
  if (typeof text === 'string') return text;
  const entries = Object.entries(text);
  const first = entries.find(([locale]) => locale === defaultLocale) ?? entries[0];
  if (first === undefined) return '';
  const others = entries.filter((entry) => entry !== first).map(([locale, value]) => `${locale}: ${value}`);
  return others.length === 0 ? first[1] : `${first[1]} (${others.join('; ')})`;
};

/**
 * Why a key is optional although a person might expect it required, so that a reader of the type
 * does not take `?` for a mistake: the system fills it, a condition hides it, a role may not see it.
 */
const notes = (field: FieldIR): string[] => {
  const said: string[] = [];
  if (field.auto !== undefined) said.push(`Filled by the system (${field.auto}).`);
  else if (field.type === 'autoId') said.push('Assigned by the system.');
  else if (field.compute !== undefined) said.push('Computed from other answers; absent when it computes nothing.');
  if (typeof field.required !== 'boolean') said.push('Required when its condition holds.');
  const ownCondition = (field.def as { readonly visibleIf?: unknown }).visibleIf !== undefined;
  if (ownCondition) said.push('Present only while shown (`visibleIf`).');
  else if (field.visible !== undefined) said.push(`Present only while section ${field.sectionId} is shown.`);
  if (field.readRoles !== undefined) said.push(`Readable by: ${[...field.readRoles].join(', ') || 'the system only'}.`);
  if (field.writeRoles !== undefined && field.auto === undefined) said.push(`Written by: ${[...field.writeRoles].join(', ') || 'the system only'}.`);
  return said;
};

/** The JSDoc comment above a field's key, every line escaped, indented by `indent`. */
export const fieldDoc = (field: FieldIR, defaultLocale: string, indent: string): string => {
  const lines = [localizedText(field.label, defaultLocale), ...notes(field)].map(commentText);
  return lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((line) => `${indent} * ${line}\n`).join('')}${indent} */\n`;
};
