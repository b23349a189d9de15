// The page's own words (buttons, status lines) in the three languages it offers. What the form says
// (titles, labels, options) comes from the definition; what the session says (error messages) comes
// from the snapshot. Only the page's chrome is written here.
import type { LocalizedText } from 'formloom';

export const PAGE_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type PageLocale = (typeof PAGE_LOCALES)[number];

export const isPageLocale = (value: string): value is PageLocale => (PAGE_LOCALES as readonly string[]).includes(value);

/**
 * A definition's text in `locale`, read in the order formloom reads labels for messages: the locale,
 * the form's default locale, then en, zh-CN, zh-TW. A plain string is in the form's default locale.
 */
export const textIn = (text: LocalizedText | undefined, locale: string, defaultLocale: string): string => {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  for (const tag of [locale, defaultLocale, 'en', 'zh-CN', 'zh-TW']) {
    const found = text[tag];
    if (found !== undefined) return found;
  }
  return Object.values(text)[0] ?? '';
};

export interface UiText {
  readonly languageName: string;
  readonly language: string;
  readonly forms: string;
  readonly submit: string;
  readonly saveDraft: string;
  readonly resumeDraft: string;
  readonly draftToken: string;
  readonly actions: string;
  readonly requiredMark: string;
  readonly choose: string;
  readonly autoId: string;
  readonly noRows: string;
  readonly addRow: (group: string) => string;
  readonly removeRow: (group: string, n: number) => string;
  readonly rowTitle: (group: string, n: number) => string;
  readonly stars: (n: number, max: number) => string;
  readonly unsupported: (type: string) => string;
  readonly errorSummary: (n: number) => string;
  readonly saved: (expires: string) => string;
  readonly savedToken: string;
  readonly resumed: (dropped: number) => string;
  readonly draftNotFound: string;
  readonly draftExpired: string;
  readonly draftFailed: string;
  readonly noToken: string;
  readonly submitted: string;
  readonly submittedValues: string;
  readonly refused: (message: string) => string;
}

export const UI: Readonly<Record<PageLocale, UiText>> = {
  'zh-CN': {
    languageName: '简体中文',
    language: '语言',
    forms: '示例表单',
    submit: '提交',
    saveDraft: '保存草稿',
    resumeDraft: '恢复草稿',
    draftToken: '草稿令牌',
    actions: '操作',
    requiredMark: '（必填）',
    choose: '请选择',
    autoId: '提交后由系统生成',
    noRows: '还没有记录。',
    addRow: (group) => `添加${group}`,
    removeRow: (group, n) => `删除${group}第 ${n} 条`,
    rowTitle: (group, n) => `${group} 第 ${n} 条`,
    stars: (n, max) => `${n} 星（共 ${max} 星）`,
    unsupported: (type) => `此示例页面不渲染 ${type} 类型的字段。`,
    errorSummary: (n) => `还有 ${n} 处需要修改`,
    saved: (expires) => `草稿已保存，有效期至 ${expires}。刷新页面或凭令牌即可继续填写。`,
    savedToken: '令牌：',
    resumed: (dropped) => (dropped === 0 ? '已恢复草稿。' : `已恢复草稿；${dropped} 项回答已不适用于当前版本。`),
    draftNotFound: '没有找到这份草稿（令牌有误，或不属于此表单）。',
    draftExpired: '这份草稿已过期。',
    draftFailed: '草稿未能保存或读取。',
    noToken: '请先填写草稿令牌。',
    submitted: '提交成功。',
    submittedValues: '提交的数据（已清理）',
    refused: (message) => `操作未执行：${message}`,
  },
  'zh-TW': {
    languageName: '繁體中文',
    language: '語言',
    forms: '範例表單',
    submit: '提交',
    saveDraft: '儲存草稿',
    resumeDraft: '恢復草稿',
    draftToken: '草稿權杖',
    actions: '操作',
    requiredMark: '（必填）',
    choose: '請選擇',
    autoId: '提交後由系統產生',
    noRows: '尚無紀錄。',
    addRow: (group) => `新增${group}`,
    removeRow: (group, n) => `刪除${group}第 ${n} 筆`,
    rowTitle: (group, n) => `${group} 第 ${n} 筆`,
    stars: (n, max) => `${n} 星（共 ${max} 星）`,
    unsupported: (type) => `此範例頁面不呈現 ${type} 類型的欄位。`,
    errorSummary: (n) => `還有 ${n} 處需要修改`,
    saved: (expires) => `草稿已儲存，有效期至 ${expires}。重新整理頁面或憑權杖即可繼續填寫。`,
    savedToken: '權杖：',
    resumed: (dropped) => (dropped === 0 ? '已恢復草稿。' : `已恢復草稿；${dropped} 項回答已不適用於目前版本。`),
    draftNotFound: '找不到這份草稿（權杖有誤，或不屬於此表單）。',
    draftExpired: '這份草稿已過期。',
    draftFailed: '草稿未能儲存或讀取。',
    noToken: '請先填寫草稿權杖。',
    submitted: '提交成功。',
    submittedValues: '提交的資料（已清理）',
    refused: (message) => `操作未執行：${message}`,
  },
  en: {
    languageName: 'English',
    language: 'Language',
    forms: 'Example forms',
    submit: 'Submit',
    saveDraft: 'Save draft',
    resumeDraft: 'Resume draft',
    draftToken: 'Draft token',
    actions: 'Actions',
    requiredMark: ' (required)',
    choose: 'Choose…',
    autoId: 'Assigned on submission',
    noRows: 'No records yet.',
    addRow: (group) => `Add ${group.toLowerCase()}`,
    removeRow: (group, n) => `Remove ${group.toLowerCase()} ${n}`,
    rowTitle: (group, n) => `${group} ${n}`,
    stars: (n, max) => `${n} of ${max} stars`,
    unsupported: (type) => `This example page does not render ${type} fields.`,
    errorSummary: (n) => (n === 1 ? '1 answer needs attention' : `${n} answers need attention`),
    saved: (expires) => `Draft saved until ${expires}. Reload the page, or keep the token, to go on later.`,
    savedToken: 'Token: ',
    resumed: (dropped) => (dropped === 0 ? 'Draft resumed.' : `Draft resumed; ${dropped} answers no longer fit this version.`),
    draftNotFound: 'No such draft (a wrong token, or a draft of another form).',
    draftExpired: 'That draft has expired.',
    draftFailed: 'The draft could not be saved or read.',
    noToken: 'Enter a draft token first.',
    submitted: 'Submitted.',
    submittedValues: 'What was submitted (cleaned)',
    refused: (message) => `Not done: ${message}`,
  },
};

/** The page's words for a session locale (a locale the page does not offer reads English). */
export const uiFor = (locale: string): UiText => (isPageLocale(locale) ? UI[locale] : UI.en);
