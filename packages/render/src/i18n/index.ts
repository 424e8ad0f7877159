import type { Language, LocalText } from '@pledge/core';
import { en, type MessageKey, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';

export { countryName } from './countries.js';
export type { MessageKey, Messages } from './en.js';

/** Strings per language. */
export const messages: Record<Language, Messages> = { en, 'zh-CN': zhCN };

/** Parameters substituted for `{name}` in a message. */
export type MessageParams = Record<string, string | number>;

/** Looks up a fixed string and fills in its `{name}` parameters. */
export function translate(lang: Language, key: MessageKey, params: MessageParams = {}): string {
  return messages[lang][key].replace(/\{([a-zA-Z]+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/**
 * Picks the text for `lang` from a manifest LocalText, falling back to the other
 * language, then to the empty string.
 */
export function localText(value: LocalText | undefined, lang: Language): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const other: Language = lang === 'en' ? 'zh-CN' : 'en';
  return value[lang] ?? value[other] ?? '';
}
