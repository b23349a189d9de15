import { isDate, isDateTime, isMonth } from './calendar';
import { isCnIdCard } from './cnIdCard';
import { isCnMobile } from './cnMobile';
import { isCnUscc } from './cnUscc';

/** Formats formloom checks itself; `email` and `url` come from ajv-formats. */
export const BUILT_IN_FORMATS: Readonly<Record<string, (value: string) => boolean>> = {
  'cn-mobile': isCnMobile,
  'cn-id-card': isCnIdCard,
  'cn-uscc': isCnUscc,
  'fl-date': isDate,
  'fl-month': isMonth,
  'fl-datetime': isDateTime,
};

export { isCnIdCard, isCnMobile, isCnUscc, isDate, isDateTime, isMonth };
