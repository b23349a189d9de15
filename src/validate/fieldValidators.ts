import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { BUILT_IN_FORMATS } from './formats';

let ajv: Ajv | undefined;
const cache = new Map<string, { schema: object; validate: ValidateFunction }>();
// Forms compiled in a long-running process share validators by schema; the bound keeps a process
// that compiles many distinct forms from growing without limit.
const CACHE_LIMIT = 2000;

const instance = (): Ajv => {
  if (ajv === undefined) {
    // allErrors off: one message per field is what a person can act on, and it is faster.
    // $data stays off: ajv < 8.18 had a ReDoS through it, and definitions never need it.
    ajv = new Ajv({ allErrors: false, messages: false, strict: true, allowUnionTypes: true, unicodeRegExp: true, $data: false });
    addFormats(ajv, ['email']);
    for (const [name, validate] of Object.entries(BUILT_IN_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
    ajv.addFormat('fl-url', { type: 'string', validate: isHttpUrl });
  }
  return ajv;
};

const isHttpUrl = (value: string): boolean => {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
};

/** The ajv validator for a field schema, compiled once per distinct schema in this process. */
export const fieldValidator = (schema: object): ValidateFunction => {
  const key = JSON.stringify(schema);
  const hit = cache.get(key);
  if (hit !== undefined) return hit.validate;
  const validate = instance().compile(schema);
  cache.set(key, { schema, validate });
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value as string;
    const entry = cache.get(oldest);
    cache.delete(oldest);
    if (entry !== undefined) instance().removeSchema(entry.schema);
  }
  return validate;
};
