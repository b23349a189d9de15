import type { FieldBase } from '../core/definitionTypes';
import type { Failure } from '../core/issues';
import { wallClockOf } from '../core/zonedTime';
import { isDate, isDateTime, isMonth } from '../formats/calendar';
import { isEmptyText } from './emptiness';
import type { FieldKind } from './fieldKind';
import { maskForPii } from './piiMask';
import { typeFailure } from './valueHelpers';

export type DateField = FieldBase<'date'>;
export type MonthField = FieldBase<'month'>;
export type DatetimeField = FieldBase<'datetime'>;
type AnyDate = DateField | MonthField | DatetimeField;

const two = (n: number): string => String(n).padStart(2, '0');
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A datetime as a spreadsheet reader expects it, `2025-07-01 12:00`: an instant (a workflow's `$now`
 * is stored as `…Z`) as its wall clock in the form's zone, a wall-clock answer as it was typed.
 */
const datetimeText = (value: string, timeZone: string | undefined): string => {
  if (!WITH_OFFSET.test(value)) return value.replace('T', ' ');
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return value;
  const wall = wallClockOf(new Date(instant), timeZone);
  const seconds = wall.second === 0 ? '' : `:${two(wall.second)}`;
  return `${wall.year}-${two(wall.month)}-${two(wall.day)} ${two(wall.hour)}:${two(wall.minute)}${seconds}`;
};

const dateKind = (
  type: 'date' | 'month' | 'datetime',
  summary: string,
  test: (value: string) => boolean,
  example: string,
  tsType: string,
): FieldKind<AnyDate> => ({
  summary,
  properties: {},
  requiredProperties: [],
  example,
  valueKind: 'text',
  takesInput: true,
  hasOptions: false,
  values: () => {
    const wrongType = typeFailure(type);
    const badFormat: Failure = { code: 'format', params: { format: type } };
    return {
      isEmpty: isEmptyText,
      accept: (raw, _scope, slot) => {
        if (typeof raw !== 'string') return wrongType;
        if (raw.length > 40 || !test(raw)) return badFormat;
        slot.value = raw;
        return undefined;
      },
    };
  },
  cellText: (value, context) => (typeof value !== 'string' ? '' : type === 'datetime' ? datetimeText(value, context.timeZone) : value),
  tsType: () => tsType,
  defaultMask: (def) => maskForPii(def.pii, 'full'),
});

// Template-literal types: a plain string is refused where a date is expected, and a value the form
// accepted always fits. They cannot check digits counts or the calendar; validate does.
const DATE_TYPE = '`${number}-${number}-${number}`';
const MONTH_TYPE = '`${number}-${number}`';
const DATETIME_TYPE = '`${number}-${number}-${number}T${string}` | `${number}-${number}-${number} ${string}`';

export const dateFieldKind = /* @__PURE__ */ dateKind('date', 'A calendar day, YYYY-MM-DD (a real date: 2023-02-29 is refused). Compares as text, so `>=` with `$today` works.', isDate, '2024-03-15', DATE_TYPE);
export const monthFieldKind = /* @__PURE__ */ dateKind('month', 'A partial date, YYYY-MM (a founding month).', isMonth, '2015-03', MONTH_TYPE);
export const datetimeFieldKind = /* @__PURE__ */ dateKind('datetime', 'A date and time, ISO 8601 with `T` or a space, seconds and offset optional (2024-03-15 09:30).', isDateTime, '2024-03-15 09:30', DATETIME_TYPE);
