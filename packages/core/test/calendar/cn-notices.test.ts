import { describe, expect, it } from 'vitest';
import { cnHolidayYears, computeDueDate, isWorkingDay } from '../../src/calendar/index.js';

/**
 * The notices as printed, item by item (holiday from, to; then the 上班 weekend days), transcribed
 * from Xinhua's full text of 国办发明电〔2024〕12号 (2025) and of the 2025-11-04 notice (2026).
 */
const notices: Record<number, { holidays: [string, string][]; makeUp: string[] }> = {
  2025: {
    holidays: [
      ['2025-01-01', '2025-01-01'], // 一、元旦:1月1日(周三)放假1天,不调休
      ['2025-01-28', '2025-02-04'], // 二、春节:1月28日至2月4日,共8天。1月26日(周日)、2月8日(周六)上班
      ['2025-04-04', '2025-04-06'], // 三、清明节
      ['2025-05-01', '2025-05-05'], // 四、劳动节:4月27日(周日)上班
      ['2025-05-31', '2025-06-02'], // 五、端午节
      ['2025-10-01', '2025-10-08'], // 六、国庆节、中秋节:9月28日(周日)、10月11日(周六)上班
    ],
    makeUp: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      ['2026-01-01', '2026-01-03'], // 一、元旦:1月4日(周日)上班
      ['2026-02-15', '2026-02-23'], // 二、春节:共9天。2月14日(周六)、2月28日(周六)上班
      ['2026-04-04', '2026-04-06'], // 三、清明节
      ['2026-05-01', '2026-05-05'], // 四、劳动节:5月9日(周六)上班
      ['2026-06-19', '2026-06-21'], // 五、端午节
      ['2026-09-25', '2026-09-27'], // 六、中秋节
      ['2026-10-01', '2026-10-07'], // 七、国庆节:9月20日(周日)、10月10日(周六)上班
    ],
    makeUp: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

describe('Chinese working calendar against the State Council notices', () => {
  it.each([2025, 2026])('%i: every holiday and every adjusted working weekend is the notice’s', (year) => {
    const data = cnHolidayYears.find((y) => y.year === year);
    expect(data?.status).toBe('official');
    expect(data?.source.verification).toBe('verified');
    expect(data?.source.url).toMatch(/^https:\/\/www\.gov\.cn\//);
    expect(data?.holidays.map((h) => [h.from, h.to])).toEqual(notices[year]?.holidays);
    expect(data?.makeUpWorkdays).toEqual(notices[year]?.makeUp);
  });

  it('counts an adjusted working weekend as a working day and skips a holiday', () => {
    expect(isWorkingDay('2026-02-14', 'cn')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2026-02-16', 'cn')).toBe(false); // Monday, Spring Festival
    // Friday 13 February 2026 (Beijing): day 1 is Saturday 14 (make-up), day 2 is Tuesday 24.
    const start = new Date('2026-02-13T02:00:00Z');
    expect(
      computeDueDate(start, { amount: 1, unit: 'working-days' }, { calendar: 'cn' }).due.toISOString(),
    ).toBe('2026-02-14T15:59:59.999Z');
    expect(
      computeDueDate(start, { amount: 2, unit: 'working-days' }, { calendar: 'cn' }).due.toISOString(),
    ).toBe('2026-02-24T15:59:59.999Z');
  });

  it('flags a count that reaches the provisional 2027 schedule', () => {
    const result = computeDueDate(
      new Date('2026-12-28T02:00:00Z'),
      { amount: 5, unit: 'working-days' },
      { calendar: 'cn' },
    );
    expect(result.provisional).toBe(true);
    expect(result.issues.map((i) => i.code)).toEqual(['calendar.provisional-year']);
  });
});
