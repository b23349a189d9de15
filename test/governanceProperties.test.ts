import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compileForm, normalizeKey } from '../src/index';
import { csvRecordWriter } from '../src/export/csvRecordLine';
import { csvLine } from '../src/export/csvText';
import { exportPlan } from '../src/export/exportPlan';
import { exportRows } from '../src/export/exportRows';
import { internalFormOf } from '../src/form/internal';
import { loadExampleDefinitions } from '../examples/loadExamples';
import { SAMPLE_RECORDS } from '../examples/records';
import { defineForm } from './helpers';

/** One field per kind of personal data, the same in a repeating group, and one field that is not personal. */
const form = compileForm(defineForm([
  { id: 'name', type: 'text', label: 'Name', pii: 'name' },
  { id: 'phone', type: 'text', label: 'Phone', pii: 'phone' },
  { id: 'email', type: 'text', label: 'Email', pii: 'email' },
  { id: 'idCard', type: 'text', label: 'ID', pii: 'id-card' },
  { id: 'uscc', type: 'text', label: 'USCC', pii: 'uscc' },
  { id: 'card', type: 'text', label: 'Card', pii: 'bank-card' },
  { id: 'address', type: 'textarea', label: 'Address', pii: 'address' },
  { id: 'other', type: 'text', label: 'Other', pii: 'other' },
  { id: 'score', type: 'rating', label: 'Score', max: 5 },
  { id: 'contacts', type: 'group', label: 'Contacts', fields: [
    { id: 'who', type: 'text', label: 'Who', pii: 'name' },
    { id: 'tel', type: 'text', label: 'Tel', pii: 'phone' },
  ] },
], { masking: { policies: { export: { name: 'name', phone: 'phone' } }, reveal: { export: ['admin'] } } }));

// Alphabets chosen apart, so that one masked value can never spell another field's plain value by chance.
const SURNAMES = ['王', '李', '张', '欧阳', '司马', '𠀋'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋𠀌𠀍'];
const name = fc.tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 3 })).map(([family, given]) => family + given.join(''));
const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((list) => list.join(''));
const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9, 9)).map(([head, rest]) => head + rest);
const typedMobile = fc.tuple(mobile, fc.constantFrom('plain', '+86 ', '86-', 'spaced', 'dashed')).map(([number, style]) => {
  if (style === 'spaced') return `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}`;
  if (style === 'dashed') return `${number.slice(0, 3)}-${number.slice(3, 7)}-${number.slice(7)}`;
  return style === 'plain' ? number : style + number;
});
const word = (min: number, max: number) => fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { minLength: min, maxLength: max }).map((list) => list.join(''));
const email = fc.tuple(word(1, 10), word(2, 8), fc.constantFrom('com', 'cn', 'net')).map(([local, domain, top]) => `${local}@${domain}.${top}`);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCard = fc.tuple(fc.constantFrom('110105', '440305', '330106'), fc.date({ min: new Date('1940-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }), digits(3, 3))
  .map(([region, birth, sequence]) => {
    const body = region + birth.toISOString().slice(0, 10).replace(/-/g, '') + sequence;
    const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (WEIGHTS[index] as number), 0);
    return body + ('10X98765432'[sum % 11] as string);
  });
const uscc = fc.tuple(fc.constantFrom('91', '92', '93'), fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: 16, maxLength: 16 })).map(([head, rest]) => head + rest.join(''));
const bankCard = fc.tuple(fc.constantFrom('6222', '4367', '5187'), digits(12, 15)).map(([head, rest]) => head + rest);
const address = fc.tuple(fc.constantFrom('北京市朝阳区', '上海市浦东新区', '广东省深圳市南山区', '浙江省杭州市西湖区', '𨋢𨋢县'), fc.constantFrom('张江路', '文三路', '科技园'), digits(1, 4))
  .map(([area, street, number]) => `${area}${street}${number}号`);
const other = word(2, 12).map((text) => `#${text}`);

const record = fc.record({
  name, phone: typedMobile, email, idCard, uscc, card: bankCard, address, other, score: fc.integer({ min: 1, max: 5 }),
  contacts: fc.array(fc.record({ who: name, tel: typedMobile }), { maxLength: 3 }),
}, { requiredKeys: ['name'] });

/** Every plain personal value of a record, as typed and as its digits (a phone typed '+86 138…' must not leak as 138…). */
const plainValues = (values: Record<string, unknown>): string[] => {
  const found: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (key === 'score') continue;
    if (key === 'contacts') {
      for (const row of value as { who: string; tel: string }[]) found.push(row.who, row.tel, row.tel.replace(/\D/g, '').slice(-11));
    } else if (typeof value === 'string') {
      found.push(value);
      if (key === 'phone' || key === 'card') found.push(value.replace(/\D/g, '').slice(-11));
      if (key === 'idCard') found.push(value.slice(6, 14));
    }
  }
  return found;
};

/** The text of every part of an XLSX export (the stream yields pieces of one zip). */
const xlsxText = async (chunks: AsyncIterable<string | Uint8Array>): Promise<string> => {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) if (typeof chunk !== 'string') parts.push(chunk);
  const whole = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return Object.values(unzipSync(whole)).map((file) => strFromU8(file)).join('\n');
};

describe('masking properties', () => {
  it('a masked export never contains a plain personal value, in any format, for any role that is not revealed', async () => {
    await fc.assert(fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 4 }), fc.constantFrom(undefined, 'customer', 'clerk'), async (records, role) => {
      const outputs = [
        form.exporter({ format: 'csv', role, header: 'id' }).toString(records),
        form.exporter({ format: 'csv', role, header: 'id', rows: 'contacts' }).toString(records),
        form.exporter({ format: 'jsonl', role }).toString(records),
        await xlsxText(form.exporter({ format: 'xlsx', role, header: 'id' }).stream(records)),
        JSON.stringify(records.map((values) => form.mask(values, { policy: 'export', ...(role === undefined ? {} : { role }) }))),
      ];
      for (const values of records) {
        for (const plain of plainValues(values)) {
          for (const output of outputs) expect(output.includes(plain), `'${plain}' leaked`).toBe(false);
        }
      }
    }), { numRuns: 150 });
  });

  it('reveals exactly the input to a revealed role', () => {
    fc.assert(fc.property(record, (values) => {
      expect(form.mask(values, { policy: 'export', role: 'admin' })).toEqual(values);
    }));
  });
});

describe('CSV properties', () => {
  const plain = compileForm(defineForm([
    { id: 'a', type: 'text', label: 'A' }, { id: 'b', type: 'textarea', label: 'B' }, { id: 'c', type: 'text', label: 'C' },
  ]));
  const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', 'a', '中', '\u2028') }));
  const row = fc.record({ a: text, b: text, c: text }, { requiredKeys: [] });

  it('an RFC 4180 parser reads back exactly the cell texts, and no cell starts with a formula character', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
      const csv = plain.exporter({ format: 'csv', header: 'id' }).toString(rows);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const parsed = parse(csv.slice(1), { relax_quotes: false, record_delimiter: '\r\n' }) as string[][];
      expect(parsed[0]).toEqual(['a', 'b', 'c']);
      const cells = parsed.slice(1);
      expect(cells).toHaveLength(rows.length);
      rows.forEach((values, index) => {
        const expected = (['a', 'b', 'c'] as const).map((key) => {
          const value = values[key] ?? '';
          return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
        });
        expect(cells[index]).toEqual(expected);
      });
      for (const cell of cells.flat()) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
    }), { numRuns: 300 });
  });
});

describe('the CSV fast path equals the reference', () => {
  const examples = loadExampleDefinitions().map(({ definition }) => compileForm(definition));
  // Sample answers of every example, mutated: hostile values, missing keys, wrong types, more rows.
  const valuesFor = (id: string) => fc.record({
    base: fc.constant(SAMPLE_RECORDS[id] ?? {}),
    extra: fc.dictionary(fc.constantFrom(...Object.keys(SAMPLE_RECORDS[id] ?? {}), 'x'), fc.oneof(fc.anything(), fc.constantFrom('=SUM(A1)', '13812345678', '陳志明', '', null))),
  }).map(({ base, extra }) => ({ ...base, ...extra }));

  it('writes every record exactly as exportRows + csvLine would, for any role and policy', () => {
    for (const form of examples) {
      const internal = internalFormOf(form);
      const policies = [undefined, ...internal.masking.policies.keys()];
      fc.assert(fc.property(valuesFor(form.id), fc.constantFrom(undefined, ...form.roles), fc.constantFrom(...policies), fc.constantFrom('zh-CN', 'en'), (values, role, policy, locale) => {
        const plan = exportPlan(internal, { policy, role, locale, header: 'label', rows: undefined });
        const reference = exportRows(plan, values).map((row) => csvLine(row.texts)).join('');
        expect(csvRecordWriter(plan)(values)).toBe(reference);
      }), { numRuns: 150 });
    }
  });
});

describe('dedup properties', () => {
  const fullWidth = (text: string): string => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

  it('a mobile keeps its key however it is typed', () => {
    fc.assert(fc.property(mobile, fc.constantFrom('', '+86', '86', '+86 ', '0086'), fc.constantFrom(' ', '-', ''), fc.boolean(), (number, prefix, separator, wide) => {
      const typed = `${prefix}${number.slice(0, 3)}${separator}${number.slice(3, 7)}${separator}${number.slice(7)}`;
      expect(normalizeKey(wide ? fullWidth(typed) : typed, ['cn-mobile'])).toBe(number);
    }));
  });

  it('a company keeps its key across width, case, spacing, punctuation and legal-form suffix', () => {
    const company = fc.tuple(fc.array(fc.constantFrom(...'某华科技信息深圳杭州ABCxyz'), { minLength: 2, maxLength: 8 }).map((chars) => chars.join('')), fc.constantFrom('', '有限公司', '股份有限公司', '集团', ' Co., Ltd.'));
    fc.assert(fc.property(company, fc.constantFrom('', ' ', '（', '·'), fc.boolean(), ([core, suffix], noise, wide) => {
      const typed = `${noise}${core}${noise === '（' ? '）' : noise}${suffix}`;
      expect(normalizeKey(wide ? fullWidth(typed) : typed, ['company-name'])).toBe(normalizeKey(core, ['company-name']));
    }));
  });

  it('an e-mail keeps its key across case, width and spaces', () => {
    fc.assert(fc.property(email, fc.boolean(), fc.boolean(), (address, upper, wide) => {
      const typed = ` ${upper ? address.toUpperCase() : address}  `;
      expect(normalizeKey(wide ? fullWidth(typed) : typed, ['email'])).toBe(address);
    }));
  });

  it('every normaliser is idempotent: a key normalised again is the same key', () => {
    const normalizer = fc.constantFrom('cn-mobile', 'trim', 'lowercase', 'width', 'company-name', 'email', 'digits');
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.array(normalizer, { minLength: 1, maxLength: 3 }), (text, normalizers) => {
      const once = normalizeKey(text, normalizers);
      expect(normalizeKey(once, normalizers)).toBe(once);
    }), { numRuns: 500 });
  });

  it('findDuplicates groups exactly the records that share a key', () => {
    const keyed = compileForm(defineForm([{ id: 'phone', type: 'text', label: 'P' }, { id: 'company', type: 'text', label: 'C' }], {
      dedup: [{ id: 'phone', fields: ['phone'], normalize: ['cn-mobile'] }, { id: 'company', fields: ['company'], normalize: ['company-name'] }],
    }));
    const item = fc.record({ phone: fc.oneof(typedMobile, fc.constantFrom('13800000000', '+86 138 0000 0000', '')), company: fc.constantFrom('某科技', '某科技有限公司', '华信', '') }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(item, { maxLength: 12 }), (items) => {
      const expected = new Map<string, number[]>();
      items.forEach((values, index) => {
        for (const { key } of keyed.dedupKeys(values)) expected.set(key, [...(expected.get(key) ?? []), index]);
      });
      const groups = keyed.findDuplicates(items);
      const got = new Map(groups.map((group) => [group.key, group.records.map((found) => items.indexOf(found))]));
      for (const [key, indexes] of expected) {
        if (indexes.length < 2) expect(got.has(key)).toBe(false);
        else expect(got.get(key)).toEqual(indexes);
      }
      expect(groups.every((group) => group.records.length >= 2 && expected.has(group.key))).toBe(true);
    }));
  });
});
