// The grammar of ajv-formats' "full" email format: a dot-atom local part, '@', a dotted host name of at
// least two labels. Written so that a backtracking engine stays linear on it: the local part's
// pieces are separated by '.', which they cannot contain, and each host label is at most 63 long.
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** An e-mail address: local part (at most 64 characters), '@', a host name of at least two labels; at most 254 characters (RFC 5321). */
export const isEmail = (value: string): boolean =>
  typeof value === 'string' && value.length <= 254 && EMAIL.test(value) && value.lastIndexOf('@') <= 64;
