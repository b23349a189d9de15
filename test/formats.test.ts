import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCnIdCard, isCnMobile, isCnUscc, normalizeCnIdCard, normalizeCnMobile } from '../src/index';
import { isDate, isDateTime, isMonth } from '../src/formats/calendar';
import { isIntlPhone, normalizeIntlPhone } from '../src/formats/intlPhone';

const idCheck = (body: string): string => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (weights[i] as number), 0);
  return '10X98765432'[sum % 11] as string;
};

describe('cn-mobile', () => {
  it('accepts 11 digits starting 1[3-9], as customers type them, and nothing else', () => {
    for (const good of ['13812345678', '19912345678', '+8613812345678', '+86 138-1234-5678', '138 1234 5678', '0086 13812345678', '１３８１２３４５６７８', '(+86) 138 1234 5678']) {
      expect(isCnMobile(good)).toBe(true);
      expect(normalizeCnMobile(good)).toBe(good.includes('99') ? '19912345678' : '13812345678');
    }
    for (const bad of ['12812345678', '1381234567', '138123456789', '+8512812345678', '138-1234-567x', '', '+86']) {
      expect(isCnMobile(bad)).toBe(false);
    }
  });
});

describe('cn-id-card (GB 11643)', () => {
  it('accepts published examples and refuses a wrong check character', () => {
    expect(isCnIdCard('11010519491231002X')).toBe(true);
    expect(isCnIdCard('110105194912310021')).toBe(false);
    expect(isCnIdCard('11010519491231002x')).toBe(true);
    expect(normalizeCnIdCard(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('refuses impossible birth dates even with a correct check character', () => {
    const body = '11010519990229123'; // 1999 is not a leap year
    expect(isCnIdCard(body + idCheck(body))).toBe(false);
    const leap = '11010520000229123';
    expect(isCnIdCard(leap + idCheck(leap))).toBe(true);
  });

  it('detects every single-digit change (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
        fc.nat({ max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (birth, sequence, position, delta) => {
          const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
          const body = `110105${date}${sequence}`;
          const valid = body + idCheck(body);
          expect(isCnIdCard(valid)).toBe(true);
          const digit = (Number(valid[position]) + delta) % 10;
          const changed = valid.slice(0, position) + digit + valid.slice(position + 1);
          expect(isCnIdCard(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('cn-uscc (GB 32100)', () => {
  it('accepts the standard example and refuses a changed check character', () => {
    expect(isCnUscc('91350100M000100Y43')).toBe(true);
    expect(isCnUscc('91350100M000100Y44')).toBe(false);
    expect(isCnUscc('91350100M000100Y4')).toBe(false);
    expect(isCnUscc('91350100M000100YI3')).toBe(false); // I is not in the code set
  });
});

describe('dates', () => {
  it('accepts only real calendar dates, months and date-times', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2024-13-01')).toBe(false);
    expect(isDate('2024-3-1')).toBe(false);
    expect(isMonth('2015-03')).toBe(true);
    expect(isMonth('2015-00')).toBe(false);
    expect(isDateTime('2024-03-15 09:30')).toBe(true);
    expect(isDateTime('2024-03-15T09:30:00+08:00')).toBe(true);
    expect(isDateTime('2024-03-15T24:00')).toBe(false);
    expect(isDateTime('2024-02-30T10:00')).toBe(false);
  });
});

describe('intl-phone', () => {
  it('accepts a number with its country code as people type it, and keeps it in E.164 form', () => {
    const cases: [string, string][] = [
      ['+44 20 7946 0958', '+442079460958'], ['+44 (20) 7946-0958', '+442079460958'], ['0044 20 7946 0958', '+442079460958'],
      ['442079460958', '+442079460958'], ['+1 (415) 555-2671', '+14155552671'], ['+65 6123 4567', '+6561234567'],
      ['＋８６ １３８ １２３４ ５６７８', '+8613812345678'], ['+49\u00a030\u3000901820', '+4930901820'], ['+1234567', '+1234567'],
    ];
    for (const [typed, kept] of cases) {
      expect(isIntlPhone(typed), typed).toBe(true);
      expect(normalizeIntlPhone(typed), typed).toBe(kept);
    }
  });

  it('refuses letters, a national number with its trunk 0, and numbers outside 7-15 digits', () => {
    for (const bad of ['call me', 'abc-defg-hij', '020 7946 0958', '+0 20 7946 0958', '+123456', '+1234567890123456', '', '+', '++44 20 7946 0958',
      '+44 20 7946 0958 ext. 12', '+44.20.7946.0958', '+44 20 7946 0958'.padEnd(41, ' ')]) {
      expect(isIntlPhone(bad), bad).toBe(false);
    }
  });

  it('keeps exactly the digits typed, whatever the separators (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{6,14}$/),
        fc.array(fc.constantFrom(' ', '-', '(', ')', '\u00a0', '\u2013'), { maxLength: 6 }),
        fc.constantFrom('+', '00', ''),
        (digits, separators, prefix) => {
          let typed = prefix;
          [...digits].forEach((digit, i) => {
            typed += digit + (separators[i] ?? '');
          });
          expect(normalizeIntlPhone(typed)).toBe(`+${digits}`);
        },
      ),
    );
  });
});
