import { interpolate, type BuiltInLocale } from '../core/localize';

/**
 * What `formloom check` says itself, beside compileForm's own messages: problems of the JSON text
 * (before there is a definition to compile), unreadable files and the summary. Like every message
 * of formloom they name the place and the rule, never text taken from the file.
 */
const en = {
  'json-encoding': 'not UTF-8 from here on (saved as GBK, Big5 or UTF-16?): save the definition as UTF-8',
  'json-syntax.empty': 'the file is empty: a form definition is a JSON object',
  'json-syntax.trailing-comma': 'a comma before } or ] is not allowed in JSON',
  'json-syntax.symbol': 'not JSON here: a value is a double-quoted string, a number such as 0.5, true, false, null, an object or an array',
  'json-syntax.number': 'not a JSON number (such as 12, -3.5 or 1e3: no leading zero, no hexadecimal, digits after the point)',
  'json-syntax.property-name': 'a property name in double quotes expected',
  'json-syntax.value': 'a value expected',
  'json-syntax.colon': "':' expected after the property name",
  'json-syntax.comma': "',' expected between two items",
  'json-syntax.close-brace': "'}' expected: an object is not closed",
  'json-syntax.close-bracket': "']' expected: an array is not closed",
  'json-syntax.end': 'the definition ended before this: a file holds one JSON value',
  'json-syntax.string': 'a string is not closed (its closing " is missing)',
  'json-syntax.unicode': 'a \\u escape needs four hexadecimal digits',
  'json-syntax.escape': 'not a JSON escape: use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX',
  'json-syntax.control': 'a tab or line break inside a string must be written as an escape (\\t, \\n)',
  'json-syntax.other': 'not valid JSON here',
  'json-comment': 'comments are not allowed: a definition is a JSON file (keep a note in an "x-" key such as "x-note", which formloom ignores)',
  'json-comment.unclosed': 'a comment is not closed, and comments are not allowed in JSON',
  'json-duplicate-key': "'{name}' is given again in this object at line {line}: JSON keeps only the last, so this one is ignored",
  unreadable: 'cannot read {file} ({reason})',
  'no-json': 'no *.json file in {file}',
  summary: '{files} {filesWord}: {errors} {errorsWord}, {warnings} {warningsWord}',
  'summary.unreadable': ', {count} unreadable',
  'summary.strict': ' (--strict: warnings fail the check)',
};
type Key = keyof typeof en;

const zhCN: Record<Key, string> = {
  'json-encoding': '从此处起不是 UTF-8 编码（是否保存成了 GBK、Big5 或 UTF-16？）：请将定义保存为 UTF-8',
  'json-syntax.empty': '文件为空：表单定义应是一个 JSON 对象',
  'json-syntax.trailing-comma': 'JSON 不允许在 } 或 ] 前面加逗号',
  'json-syntax.symbol': '此处不是 JSON：值应为双引号字符串、数字（如 0.5）、true、false、null、对象或数组',
  'json-syntax.number': '不是有效的 JSON 数字（如 12、-3.5、1e3：不能有前导零或十六进制，小数点后须有数字）',
  'json-syntax.property-name': '此处应为双引号括起的属性名',
  'json-syntax.value': '此处应为一个值',
  'json-syntax.colon': '属性名后应为“:”',
  'json-syntax.comma': '两项之间应为“,”',
  'json-syntax.close-brace': '应为“}”：对象没有闭合',
  'json-syntax.close-bracket': '应为“]”：数组没有闭合',
  'json-syntax.end': '定义已在此前结束：一个文件只能包含一个 JSON 值',
  'json-syntax.string': '字符串没有闭合（缺少结尾的 "）',
  'json-syntax.unicode': '\\u 转义需要四位十六进制数字',
  'json-syntax.escape': '不是 JSON 转义：请使用 \\" \\\\ \\/ \\b \\f \\n \\r \\t 或 \\uXXXX',
  'json-syntax.control': '字符串中的制表符或换行须写成转义（\\t、\\n）',
  'json-syntax.other': '此处不是有效的 JSON',
  'json-comment': '不允许注释：表单定义是 JSON 文件（备注可写在以“x-”开头的键中，如 "x-note"，formloom 会忽略它）',
  'json-comment.unclosed': '注释没有闭合，且 JSON 不允许注释',
  'json-duplicate-key': '“{name}”在此对象第 {line} 行再次出现：JSON 只保留最后一个，此处的会被忽略',
  unreadable: '无法读取 {file}（{reason}）',
  'no-json': '{file} 中没有 *.json 文件',
  summary: '{files} 个文件：{errors} 个错误，{warnings} 个警告',
  'summary.unreadable': '，{count} 个无法读取',
  'summary.strict': '（--strict：警告也视为未通过）',
};

const zhTW: Record<Key, string> = {
  'json-encoding': '從此處起不是 UTF-8 編碼（是否存成了 GBK、Big5 或 UTF-16？）：請將定義存為 UTF-8',
  'json-syntax.empty': '檔案為空：表單定義應是一個 JSON 物件',
  'json-syntax.trailing-comma': 'JSON 不允許在 } 或 ] 前面加逗號',
  'json-syntax.symbol': '此處不是 JSON：值應為雙引號字串、數字（如 0.5）、true、false、null、物件或陣列',
  'json-syntax.number': '不是有效的 JSON 數字（如 12、-3.5、1e3：不能有前導零或十六進位，小數點後須有數字）',
  'json-syntax.property-name': '此處應為雙引號括起的屬性名',
  'json-syntax.value': '此處應為一個值',
  'json-syntax.colon': '屬性名後應為「:」',
  'json-syntax.comma': '兩項之間應為「,」',
  'json-syntax.close-brace': '應為「}」：物件沒有閉合',
  'json-syntax.close-bracket': '應為「]」：陣列沒有閉合',
  'json-syntax.end': '定義已在此前結束：一個檔案只能包含一個 JSON 值',
  'json-syntax.string': '字串沒有閉合（缺少結尾的 "）',
  'json-syntax.unicode': '\\u 跳脫需要四位十六進位數字',
  'json-syntax.escape': '不是 JSON 跳脫：請使用 \\" \\\\ \\/ \\b \\f \\n \\r \\t 或 \\uXXXX',
  'json-syntax.control': '字串中的定位字元或換行須寫成跳脫（\\t、\\n）',
  'json-syntax.other': '此處不是有效的 JSON',
  'json-comment': '不允許註解：表單定義是 JSON 檔案（備註可寫在以「x-」開頭的鍵中，如 "x-note"，formloom 會忽略它）',
  'json-comment.unclosed': '註解沒有閉合，且 JSON 不允許註解',
  'json-duplicate-key': '「{name}」在此物件第 {line} 行再次出現：JSON 只保留最後一個，此處的會被忽略',
  unreadable: '無法讀取 {file}（{reason}）',
  'no-json': '{file} 中沒有 *.json 檔案',
  summary: '{files} 個檔案：{errors} 個錯誤，{warnings} 個警告',
  'summary.unreadable': '，{count} 個無法讀取',
  'summary.strict': '（--strict：警告也視為未通過）',
};

const CATALOGUES: Readonly<Record<BuiltInLocale, Readonly<Record<Key, string>>>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

export type CheckMessageKey = Key;

/** One of check's own messages in a built-in locale, its placeholders filled. */
export const checkMessage = (key: Key, locale: BuiltInLocale, params: Readonly<Record<string, string | number>> = {}): string =>
  interpolate(CATALOGUES[locale][key], params);

/** The catalogue key of a JSON-text problem: its code, refined by its reason. */
export const textProblemKey = (code: string, reason: string | undefined): Key => {
  const key = reason === undefined ? code : `${code}.${reason}`;
  return Object.prototype.hasOwnProperty.call(en, key) ? (key as Key) : 'json-syntax.other';
};
