import type { Language, LocalText } from '@pledge/core';

/** The text in `lang`, else in English, else in any language given. */
export function localText(text: LocalText | undefined, lang: Language): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[lang] ?? text.en ?? text['zh-CN'];
}
