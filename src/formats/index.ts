/** Format checks usable on their own, without compiling a form (and without the form compiler in a bundle). */
export { isDate, isDateTime, isMonth } from './calendar';
export { isCnIdCard, normalizeCnIdCard } from './cnIdCard';
export { isCnMobile, normalizeCnMobile } from './cnMobile';
export { isCnUscc, normalizeCnUscc } from './cnUscc';
export { isEmail } from './email';
export { isIntlPhone, normalizeIntlPhone } from './intlPhone';
