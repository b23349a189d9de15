/** An event as read: each property the event's type uses, read exactly once. */
export type ReadEvent =
  | { readonly type: 'change'; readonly path: unknown; readonly value: unknown }
  | { readonly type: 'blur' | 'addRow'; readonly path: unknown }
  | { readonly type: 'removeRow'; readonly path: unknown; readonly index: unknown }
  | { readonly type: 'reset' | 'submit' }
  | { readonly type: 'setLocale'; readonly locale: unknown };

/** Why an event could not be read: for `eventError.event`, without echoing what was sent. */
export interface UnreadEvent {
  readonly type: undefined;
  /** The type when it reads as an event name (`fly`), else the kind of thing sent (`number`, `object`). */
  readonly name: string;
}

const NAME = /^[A-Za-z][A-Za-z0-9-]{0,31}$/;

const nameOf = (type: unknown): string => (typeof type === 'string' ? (NAME.test(type) ? type : 'string') : type === null ? 'null' : typeof type);

/**
 * Reads an untrusted event once, inside a guard: a getter that throws or answers differently on a
 * second read, a Proxy (revoked or not), a type that is no string — none of it can reach the
 * transition, which works only on what was read here.
 */
export const readEvent = (event: unknown): ReadEvent | UnreadEvent => {
  let type: unknown;
  try {
    if (typeof event !== 'object' || event === null) return { type: undefined, name: event === null ? 'null' : typeof event };
    if (Array.isArray(event)) return { type: undefined, name: 'array' };
    const source = event as Readonly<Record<string, unknown>>;
    type = source.type;
    // Compared, never converted: `String(type)` would run the sender's code (or throw).
    switch (type) {
      case 'change': return { type, path: source.path, value: source.value };
      case 'blur':
      case 'addRow': return { type, path: source.path };
      case 'removeRow': return { type, path: source.path, index: source.index };
      case 'reset':
      case 'submit': return { type };
      case 'setLocale': return { type, locale: source.locale };
      default: return { type: undefined, name: nameOf(type) };
    }
  } catch {
    return { type: undefined, name: typeof type === 'string' && NAME.test(type) ? type : 'object' };
  }
};
