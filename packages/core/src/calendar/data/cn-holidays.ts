import type { HolidayYear } from '../types.js';

const SPRING = { en: 'Spring Festival', 'zh-CN': '春节' };
const NEW_YEAR = { en: "New Year's Day", 'zh-CN': '元旦' };
const QINGMING = { en: 'Qingming Festival', 'zh-CN': '清明节' };
const LABOUR = { en: 'Labour Day', 'zh-CN': '劳动节' };
const DRAGON_BOAT = { en: 'Dragon Boat Festival', 'zh-CN': '端午节' };
const MID_AUTUMN = { en: 'Mid-Autumn Festival', 'zh-CN': '中秋节' };
const NATIONAL = { en: 'National Day', 'zh-CN': '国庆节' };
const NATIONAL_MID_AUTUMN = { en: 'National Day and Mid-Autumn Festival', 'zh-CN': '国庆节、中秋节' };

/**
 * The official Chinese holiday schedule (放假调休安排), one entry per year.
 *
 * 2025 and 2026 are the State Council General Office notices. Every holiday and every adjusted
 * working weekend (调休上班) was checked on 2026-12-06 against the notices' full text as released
 * by Xinhua (`readFrom`, the Guangming Daily reprint; the same text in other reprints); the gov.cn
 * addresses in `url` could not be opened from where this was checked: they and the 2026 notice
 * number (国办发明电〔2025〕7号; Xinhua's release omits it) are as independent references give
 * them, so the citation, unlike the dates, rests on secondary sources.
 *
 * No 2027 notice was found on 2026-12-06: 2027 is derived from the National Holidays regulation
 * (全国年节及纪念日放假办法, as amended November 2024: New Year 1 day, Spring Festival 4 days from
 * New Year's Eve, Qingming 1, Labour Day 2, Dragon Boat 1, Mid-Autumn 1, National Day 3) and the
 * scheduling principles stated in the 2025 notice (Spring Festival 8 days from the Eve, National
 * Day 7 days from 1 October, Labour Day 5 days, the others 3 days or only the day itself when it
 * falls on a Wednesday), with make-up days placed as in past years of the same weekday pattern
 * (2021). Lunar dates for 2027: Eve 5 Feb, Dragon Boat 9 Jun, Mid-Autumn 15 Sep. Replace it with
 * the notice once published.
 */
export const cnHolidayYears: HolidayYear[] = [
  {
    year: 2025,
    status: 'official',
    source: {
      ref: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)',
      url: 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
      readFrom: 'https://m.gmw.cn/2024-11/12/content_1303894933.htm',
      checked: '2026-12-06',
      verification: 'verified',
      issued: '2024-11-12',
    },
    holidays: [
      { name: NEW_YEAR, from: '2025-01-01', to: '2025-01-01' },
      { name: SPRING, from: '2025-01-28', to: '2025-02-04' },
      { name: QINGMING, from: '2025-04-04', to: '2025-04-06' },
      { name: LABOUR, from: '2025-05-01', to: '2025-05-05' },
      { name: DRAGON_BOAT, from: '2025-05-31', to: '2025-06-02' },
      { name: NATIONAL_MID_AUTUMN, from: '2025-10-01', to: '2025-10-08' },
    ],
    makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    status: 'official',
    source: {
      ref: '国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号)',
      url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
      readFrom: 'https://politics.gmw.cn/2025-11/04/content_38391083.htm',
      checked: '2026-12-06',
      verification: 'verified',
      issued: '2025-11-04',
    },
    holidays: [
      { name: NEW_YEAR, from: '2026-01-01', to: '2026-01-03' },
      { name: SPRING, from: '2026-02-15', to: '2026-02-23' },
      { name: QINGMING, from: '2026-04-04', to: '2026-04-06' },
      { name: LABOUR, from: '2026-05-01', to: '2026-05-05' },
      { name: DRAGON_BOAT, from: '2026-06-19', to: '2026-06-21' },
      { name: MID_AUTUMN, from: '2026-09-25', to: '2026-09-27' },
      { name: NATIONAL, from: '2026-10-01', to: '2026-10-07' },
    ],
    makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    year: 2027,
    status: 'provisional',
    source: {
      ref: 'Derived from 全国年节及纪念日放假办法 (amended 2024) and the principles of 国办发明电〔2024〕12号; no 2027 notice available',
      verification: 'unverified',
      checked: '2026-12-06',
    },
    holidays: [
      { name: NEW_YEAR, from: '2027-01-01', to: '2027-01-03' },
      { name: SPRING, from: '2027-02-05', to: '2027-02-12' },
      { name: QINGMING, from: '2027-04-03', to: '2027-04-05' },
      { name: LABOUR, from: '2027-05-01', to: '2027-05-05' },
      { name: DRAGON_BOAT, from: '2027-06-09', to: '2027-06-09' },
      { name: MID_AUTUMN, from: '2027-09-15', to: '2027-09-15' },
      { name: NATIONAL, from: '2027-10-01', to: '2027-10-07' },
    ],
    makeUpWorkdays: ['2027-01-31', '2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09'],
  },
];
