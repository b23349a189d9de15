import type { BuiltInLocale } from '../../core/localize';

/** The few words summaries write themselves, in each built-in language. */
const WORDS = {
  'zh-CN': { unanswered: '未填写', yes: '是', no: '否' },
  'zh-TW': { unanswered: '未填寫', yes: '是', no: '否' },
  en: { unanswered: 'Unanswered', yes: 'Yes', no: 'No' },
} as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export const unansweredLabel = (words: BuiltInLocale): string => WORDS[words].unanswered;

export const booleanLabel = (value: boolean, words: BuiltInLocale): string => (value ? WORDS[words].yes : WORDS[words].no);

/** 4星, 4 stars. */
export const starsLabel = (stars: number, words: BuiltInLocale): string =>
  words === 'en' ? `${stars} star${stars === 1 ? '' : 's'}` : `${stars}星`;

/** `2024-03` as 2024年3月 or Mar 2024. */
export const monthLabel = (month: string, words: BuiltInLocale): string => {
  const year = month.slice(0, 4);
  const number = Number(month.slice(5, 7));
  return words === 'en' ? `${MONTHS[number - 1] ?? month.slice(5, 7)} ${year}` : `${year}年${number}月`;
};
