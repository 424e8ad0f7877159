import type { Language } from '@pledge/core';

/** Languages the pages are written in, in the order a tie is broken. */
const PAGE_LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

/** The page language a language tag stands for, or undefined when none does. */
function pageLanguageOf(tag: string): Language | undefined {
  const primary = tag.split('-')[0];
  if (primary === 'en') return 'en';
  // Every Chinese tag gets the Chinese text: Simplified is what is offered.
  if (primary === 'zh') return 'zh-CN';
  return undefined;
}

/** The quality of a range, 0..1, or undefined when its parameters are malformed. */
function qualityOf(params: readonly string[]): number | undefined {
  let q = 1;
  for (const param of params) {
    const [name, value, extra] = param.split('=').map((p) => p.trim());
    if (name?.toLowerCase() !== 'q') continue;
    if (extra !== undefined || value === undefined || !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value))
      return undefined;
    q = Number(value);
  }
  return q;
}

/**
 * The language of a page from an `Accept-Language` header (RFC 9110 §12.5.4): the offered
 * language of the highest-quality range that names one (`en-GB` is English, any `zh` tag
 * Simplified Chinese, `*` the fallback), ties in header order. Malformed ranges are skipped;
 * a missing, empty, unknown or wholly malformed header gives `fallback`. Never throws.
 */
export function negotiateLanguage(
  header: string | readonly string[] | undefined,
  offered: readonly Language[] = PAGE_LANGUAGES,
  fallback: Language = 'en',
): Language {
  const text = (Array.isArray(header) ? header.join(',') : (header ?? '')) as string;
  let best: { lang: Language; q: number } | undefined;
  for (const range of text.slice(0, 4096).split(',')) {
    const [rawTag = '', ...params] = range.split(';');
    const tag = rawTag.trim().toLowerCase();
    if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) continue;
    const q = qualityOf(params);
    if (q === undefined || q <= 0) continue;
    const lang = tag === '*' ? fallback : pageLanguageOf(tag);
    if (lang === undefined || !offered.includes(lang)) continue;
    if (best === undefined || q > best.q) best = { lang, q };
  }
  return best?.lang ?? (offered.includes(fallback) ? fallback : (offered[0] ?? fallback));
}
