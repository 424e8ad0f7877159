import type { LocalText } from '@pledge/core';

/** The console is in English: a text's English form, else its Chinese one. */
export function englishText(value: LocalText | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value === 'string') return value;
  return value.en ?? value['zh-CN'] ?? fallback;
}
