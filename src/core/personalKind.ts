import type { PiiKind } from './definitionTypes';

// Text formats that are personal data whether or not the author wrote `pii`: a field checked as a
// mobile number holds one.
const FORMAT_KINDS: ReadonlyMap<unknown, PiiKind> = /* @__PURE__ */ new Map<unknown, PiiKind>([
  ['cn-mobile', 'phone'], ['intl-phone', 'phone'], ['email', 'email'], ['cn-id-card', 'id-card'], ['cn-uscc', 'uscc'],
]);

/** The kind of personal data a text format collects (`cn-mobile` -> `phone`), or undefined. */
export const formatPiiKind = (format: unknown): PiiKind | undefined => FORMAT_KINDS.get(format);
