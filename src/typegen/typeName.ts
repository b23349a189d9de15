/**
 * Words TypeScript refuses as a type's name (reserved words, and the predefined types such as
 * `string`), so that `--name` cannot produce a module that does not compile.
 */
const NOT_A_TYPE_NAME: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'implements', 'interface', 'let',
  'package', 'private', 'protected', 'public', 'static', 'yield', 'await', 'any', 'unknown', 'never', 'object', 'string',
  'number', 'boolean', 'symbol', 'bigint', 'undefined', 'type', 'keyof', 'infer', 'is', 'asserts', 'readonly', 'unique',
]);

/** Whether a name can be the exported type's name. */
export const isTypeName = (name: string): boolean => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && name.length <= 200 && !NOT_A_TYPE_NAME.has(name);

/** `customer-intake` -> `CustomerIntakeValues` (form ids are letters, digits, `_` and `-`). */
export const valuesTypeName = (formId: string): string => {
  const pascal = formId
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');
  return `${/^[A-Za-z]/.test(pascal) ? pascal : `Form${pascal}`}Values`;
};
