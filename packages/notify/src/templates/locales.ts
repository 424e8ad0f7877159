/** Languages the templates are written in; the first is the fallback. */
export const TEMPLATE_LOCALES = ['en', 'zh-CN'] as const;

/** One of {@link TEMPLATE_LOCALES}. */
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

/**
 * The template language for a requested one (`zh`, `zh-Hans-CN`, an `Accept-Language`
 * header…): Chinese for any `zh` tag, otherwise English. Never fails.
 */
export function templateLocale(requested: string | undefined): TemplateLocale {
  if (!requested) return 'en';
  const tags = requested
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}
