import type { Language } from '@pledge/core';

/** ISO 3166-1 alpha-2 names for the countries and regions manifests commonly name. */
const COUNTRIES: Record<string, Record<Language, string>> = {
  AE: { en: 'United Arab Emirates', 'zh-CN': '阿拉伯联合酋长国' },
  AU: { en: 'Australia', 'zh-CN': '澳大利亚' },
  BE: { en: 'Belgium', 'zh-CN': '比利时' },
  BR: { en: 'Brazil', 'zh-CN': '巴西' },
  CA: { en: 'Canada', 'zh-CN': '加拿大' },
  CH: { en: 'Switzerland', 'zh-CN': '瑞士' },
  CN: { en: 'China', 'zh-CN': '中国' },
  DE: { en: 'Germany', 'zh-CN': '德国' },
  DK: { en: 'Denmark', 'zh-CN': '丹麦' },
  ES: { en: 'Spain', 'zh-CN': '西班牙' },
  EU: { en: 'European Union', 'zh-CN': '欧盟' },
  FI: { en: 'Finland', 'zh-CN': '芬兰' },
  FR: { en: 'France', 'zh-CN': '法国' },
  GB: { en: 'United Kingdom', 'zh-CN': '英国' },
  HK: { en: 'Hong Kong SAR, China', 'zh-CN': '中国香港特别行政区' },
  ID: { en: 'Indonesia', 'zh-CN': '印度尼西亚' },
  IE: { en: 'Ireland', 'zh-CN': '爱尔兰' },
  IN: { en: 'India', 'zh-CN': '印度' },
  IT: { en: 'Italy', 'zh-CN': '意大利' },
  JP: { en: 'Japan', 'zh-CN': '日本' },
  KR: { en: 'Republic of Korea', 'zh-CN': '韩国' },
  LU: { en: 'Luxembourg', 'zh-CN': '卢森堡' },
  MO: { en: 'Macao SAR, China', 'zh-CN': '中国澳门特别行政区' },
  MY: { en: 'Malaysia', 'zh-CN': '马来西亚' },
  NL: { en: 'Netherlands', 'zh-CN': '荷兰' },
  NO: { en: 'Norway', 'zh-CN': '挪威' },
  PL: { en: 'Poland', 'zh-CN': '波兰' },
  RU: { en: 'Russia', 'zh-CN': '俄罗斯' },
  SE: { en: 'Sweden', 'zh-CN': '瑞典' },
  SG: { en: 'Singapore', 'zh-CN': '新加坡' },
  TH: { en: 'Thailand', 'zh-CN': '泰国' },
  TW: { en: 'Taiwan, China', 'zh-CN': '中国台湾' },
  US: { en: 'United States', 'zh-CN': '美国' },
  VN: { en: 'Viet Nam', 'zh-CN': '越南' },
};

/**
 * Name of an ISO 3166-1 alpha-2 code in `lang`; `undefined` for `XX` (unspecified)
 * and for codes outside the table, so the caller decides how to show them.
 */
export function countryName(code: string, lang: Language): string | undefined {
  return COUNTRIES[code.toUpperCase()]?.[lang];
}
