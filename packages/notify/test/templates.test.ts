import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  renderTemplate,
  TEMPLATE_CATALOG,
  TEMPLATE_IDS,
  TEMPLATE_LOCALES,
  type TemplateVars,
  templateLocale,
} from '../src/index.js';

/** Every variable a template names, with a value. */
function varsFor<K extends keyof TemplateVars>(id: K, value: (name: string) => string): TemplateVars[K] {
  const names = new Set<string>();
  for (const locale of TEMPLATE_LOCALES) {
    const t = TEMPLATE_CATALOG[locale][id];
    for (const s of [t.subject, ...t.body])
      for (const m of s.matchAll(/\{(\w+)\}/g)) names.add(m[1] as string);
  }
  return Object.fromEntries([...names].map((n) => [n, value(n)])) as unknown as TemplateVars[K];
}

describe('templates', () => {
  it('render every template in English and Simplified Chinese, every variable filled', () => {
    for (const id of TEMPLATE_IDS) {
      const en = TEMPLATE_CATALOG.en[id];
      const zh = TEMPLATE_CATALOG['zh-CN'][id];
      // The same variables in both languages.
      const names = (t: typeof en) =>
        [...[t.subject, ...t.body].join(' ').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(zh)).toEqual(names(en));
      for (const locale of TEMPLATE_LOCALES) {
        const r = renderTemplate(
          id,
          locale,
          varsFor(id, (n) => `<${n}>`),
        );
        expect(r.locale).toBe(locale);
        expect(`${r.subject}${r.text}${r.html}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect(
      renderTemplate(
        'request-denied',
        'zh',
        varsFor('request-denied', () => 'x'),
      ).subject,
    ).toBe('请求 x 未能办理');
  });

  it('falls back to English for an unknown or malformed language, never failing', () => {
    for (const lang of [undefined, '', 'fr-FR', 'de;q=1', '*', ';;;', 'zh;q=0', 'en;q=0.1, zh-TW;q=0.9']) {
      expect(TEMPLATE_LOCALES).toContain(templateLocale(lang));
    }
    expect(templateLocale('fr-FR, zh-Hans;q=0.5')).toBe('zh-CN');
    expect(templateLocale('fr-FR')).toBe('en');
    expect(templateLocale('zh;q=0, en')).toBe('en');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(TEMPLATE_LOCALES).toContain(templateLocale(s));
      }),
    );
  });

  it('escapes every variable in the HTML part and keeps subjects on one line', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATE_IDS),
        fc.string(),
        fc.constantFrom(...TEMPLATE_LOCALES),
        (id, v, locale) => {
          const r = renderTemplate(
            id,
            locale,
            varsFor(id, () => `${v}<script>"'&\r\n`),
          );
          expect(r.html).not.toContain('<script>');
          expect(r.subject).not.toMatch(/[\r\n]/);
        },
      ),
    );
  });
});
