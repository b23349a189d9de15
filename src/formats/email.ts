// The grammar of ajv-formats' "full" email format (a dot-atom local part, a dotted host name), written
// without a regex over the whole address so that its cost is linear in the length by construction.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** An e-mail address: local part, '@', a host name of at least two labels; at most 254 characters (RFC 5321). */
export const isEmail = (value: string): boolean => {
  if (typeof value !== 'string' || value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  const labels = value.slice(at + 1).split('.');
  return LOCAL.test(value.slice(0, at)) && labels.length >= 2 && labels.every((label) => LABEL.test(label));
};
