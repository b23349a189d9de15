const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,4}$/;

/** True for a string shaped like a BCP 47 language tag (zh-CN, en, zh-Hant-TW), as every call accepts one. */
export const isLocaleTag = (value: unknown): value is string => typeof value === 'string' && LOCALE.test(value);
