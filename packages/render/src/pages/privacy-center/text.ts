import type { Language, LocalText } from '@pledge/core';
import { localText } from '../../i18n/index.js';
import { type CenterKey, centerEn } from './messages-en.js';
import { centerZhCN } from './messages-zh-cn.js';

const TABLES: Record<Language, Record<CenterKey, string>> = { en: centerEn, 'zh-CN': centerZhCN };

/** A privacy center string in `lang` with its `{name}` parameters filled in (not escaped). */
export function centerText(lang: Language, key: CenterKey, params: Record<string, string> = {}): string {
  return TABLES[lang][key].replace(/\{([a-zA-Z]+)\}/g, (match, name: string) => params[name] ?? match);
}

/** A manifest text in `lang` (falling back to the other language). */
export function manifestText(value: LocalText | undefined, lang: Language): string {
  return localText(value, lang).trim();
}

/** A date as `YYYY-MM-DD` in UTC inside a `<time>` element. */
export function dateHtml(date: Date): string {
  const iso = date.toISOString();
  return `<time datetime="${iso}">${iso.slice(0, 10)}</time>`;
}

/** A privacy center path with the page language kept (`?lang=` or `&lang=`). */
export function centerHref(path: string, lang: Language): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(lang)}`;
}
