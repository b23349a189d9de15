import type { ErrorCode } from '../core/issues';
import type { BuiltInLocale } from '../core/localize';

/**
 * Validation messages by locale and code. Placeholders come from the error's params and the field's
 * label, never from the submitted value: a phone or ID number must not end up in a log line.
 * Format errors have a message per format, because "格式不正确" alone does not tell a customer what to fix.
 */
type Catalogue = Readonly<Record<ErrorCode, string>> & {
  /** Per format, since "格式不正确" alone does not tell a customer what to fix. */
  readonly formats: Readonly<Record<string, string>>;
  /** The values as a whole are not an object; `{label}` is the form's title. */
  readonly root: string;
  /** How a field inside a repeating group is named: group, row number, field. */
  readonly row: string;
  /** Kinds of personal data, as `forbiddenData` names them. */
  readonly data: Readonly<Record<string, string>>;
};

const zhCN: Catalogue = {
  required: '请填写{label}',
  type: '{label}的值类型不正确',
  format: '{label}的格式不正确',
  pattern: '{label}的格式不符合要求',
  minLength: '{label}至少需要{min}个字符',
  maxLength: '{label}最多{max}个字符',
  min: '{label}不能小于{min}',
  max: '{label}不能大于{max}',
  option: '{label}的选项无效',
  minItems: '{label}至少需要{min}项',
  maxItems: '{label}最多{max}项',
  fileType: '{label}只接受以下文件类型：{accept}',
  fileSize: '{label}的单个文件不能超过{maxSizeText}',
  unknownField: '表单中没有这个字段',
  forbidden: '您无权填写{label}',
  rule: '{label}未通过校验',
  forbiddenData: '{label}中不能填写{what}',
  root: '提交给“{label}”的数据应为一个对象（字段到答案）',
  row: '{group}第{n}条的{label}',
  data: { 'bank-card': '银行卡号', 'id-card': '身份证号码', phone: '手机号码', email: '电子邮箱' },
  formats: {
    'cn-mobile': '{label}应为11位手机号码（以1开头）',
    'intl-phone': '{label}应为带国家或地区代码的电话号码，例如 +44 20 7946 0958',
    email: '{label}应为有效的邮箱地址',
    'cn-id-card': '{label}不是有效的18位身份证号码',
    'cn-uscc': '{label}不是有效的18位统一社会信用代码',
    url: '{label}应为有效的网址',
    date: '{label}应为有效日期（YYYY-MM-DD）',
    month: '{label}应为有效年月（YYYY-MM）',
    datetime: '{label}应为有效的日期时间（YYYY-MM-DD HH:mm:ss）',
    autoId: '{label}的编号格式不正确',
  },
};

const zhTW: Catalogue = {
  required: '請填寫{label}',
  type: '{label}的值類型不正確',
  format: '{label}的格式不正確',
  pattern: '{label}的格式不符合要求',
  minLength: '{label}至少需要{min}個字元',
  maxLength: '{label}最多{max}個字元',
  min: '{label}不能小於{min}',
  max: '{label}不能大於{max}',
  option: '{label}的選項無效',
  minItems: '{label}至少需要{min}項',
  maxItems: '{label}最多{max}項',
  fileType: '{label}只接受以下檔案類型：{accept}',
  fileSize: '{label}的單個檔案不能超過{maxSizeText}',
  unknownField: '表單中沒有這個欄位',
  forbidden: '您無權填寫{label}',
  rule: '{label}未通過校驗',
  forbiddenData: '{label}中不能填寫{what}',
  root: '提交給「{label}」的資料應為一個物件（欄位到答案）',
  row: '{group}第{n}筆的{label}',
  data: { 'bank-card': '銀行卡號', 'id-card': '身分證號碼', phone: '手機號碼', email: '電子郵件' },
  formats: {
    'cn-mobile': '{label}應為11位手機號碼（以1開頭）',
    'intl-phone': '{label}應為帶國家或地區代碼的電話號碼，例如 +44 20 7946 0958',
    email: '{label}應為有效的電子郵件地址',
    'cn-id-card': '{label}不是有效的18位身分證號碼',
    'cn-uscc': '{label}不是有效的18位統一社會信用代碼',
    url: '{label}應為有效的網址',
    date: '{label}應為有效日期（YYYY-MM-DD）',
    month: '{label}應為有效年月（YYYY-MM）',
    datetime: '{label}應為有效的日期時間（YYYY-MM-DD HH:mm:ss）',
    autoId: '{label}的編號格式不正確',
  },
};

const en: Catalogue = {
  required: '{label} is required',
  type: '{label} has a value of the wrong type',
  format: '{label} is not in the expected format',
  pattern: '{label} does not match the required pattern',
  minLength: '{label} must be at least {min} characters',
  maxLength: '{label} must be at most {max} characters',
  min: '{label} must be at least {min}',
  max: '{label} must be at most {max}',
  option: '{label} has an option that is not offered',
  minItems: '{label} needs at least {min} items',
  maxItems: '{label} allows at most {max} items',
  fileType: '{label} accepts only these file types: {accept}',
  fileSize: 'Each file in {label} must be at most {maxSizeText}',
  unknownField: 'This field is not part of the form',
  forbidden: 'You may not fill in {label}',
  rule: '{label} failed a check',
  forbiddenData: '{label} must not contain {what}',
  root: 'The values sent to "{label}" must be an object (field id to answer)',
  row: '{label} in {group} #{n}',
  data: { 'bank-card': 'a bank card number', 'id-card': 'an ID card number', phone: 'a mobile number', email: 'an e-mail address' },
  formats: {
    'cn-mobile': '{label} must be an 11-digit mainland mobile number starting with 1',
    'intl-phone': '{label} must be a phone number with its country code, such as +44 20 7946 0958',
    email: '{label} must be a valid email address',
    'cn-id-card': '{label} is not a valid 18-character resident ID number',
    'cn-uscc': '{label} is not a valid 18-character unified social credit code',
    url: '{label} must be a valid URL',
    date: '{label} must be a real date (YYYY-MM-DD)',
    month: '{label} must be a real month (YYYY-MM)',
    datetime: '{label} must be a date and time (YYYY-MM-DD HH:mm:ss)',
    autoId: '{label} is not a valid id',
  },
};

export const VALIDATION_MESSAGES: Readonly<Record<BuiltInLocale, Catalogue>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
