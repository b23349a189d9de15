// Mainland China's 2025 public holidays and 调休 make-up working days, as a formloom working calendar.
// Source: 国务院办公厅关于2025年部分节假日安排的通知 (General Office of the State Council, notice on
// the 2025 holiday arrangements, published November 2024). Written from the published notice, not
// fetched; a company calendar would add its own days off on top. Each year needs its own list.
import { workingCalendar } from '../src/workflow/workingCalendar';

/** Every day off of each holiday period, weekend days included so each period reads whole. */
export const CHINA_HOLIDAYS_2025: readonly string[] = [
  // 元旦 New Year's Day: 1 January (Wed), 1 day, no make-up day.
  '2025-01-01',
  // 春节 Spring Festival: 28 January (除夕, Tue) to 4 February (Tue), 8 days.
  '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
  // 清明节 Qingming: 4 (Fri) to 6 April (Sun), 3 days.
  '2025-04-04', '2025-04-05', '2025-04-06',
  // 劳动节 Labour Day: 1 (Thu) to 5 May (Mon), 5 days.
  '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
  // 端午节 Dragon Boat Festival: 31 May (Sat) to 2 June (Mon), 3 days.
  '2025-05-31', '2025-06-01', '2025-06-02',
  // 国庆节、中秋节 National Day and Mid-Autumn Festival: 1 (Wed) to 8 October (Wed), 8 days.
  '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
];

/** Weekend days that are working days (调休 上班), making up for the long holidays. */
export const CHINA_WORKDAYS_2025: readonly string[] = [
  '2025-01-26', // Sun, Spring Festival
  '2025-02-08', // Sat, Spring Festival
  '2025-04-27', // Sun, Labour Day
  '2025-09-28', // Sun, National Day
  '2025-10-11', // Sat, National Day
];

/** The 2025 mainland China working calendar: Saturday and Sunday off, plus the lists above. */
export const chinaCalendar2025 = workingCalendar({ holidays: CHINA_HOLIDAYS_2025, workdays: CHINA_WORKDAYS_2025 });
