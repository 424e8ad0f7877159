import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from '../src/index.js';

describe('negotiateLanguage (Accept-Language)', () => {
  it('picks the offered language of the best range, ties in header order', () => {
    expect(negotiateLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(negotiateLanguage('en-GB,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(negotiateLanguage('fr-FR,fr;q=0.9,zh-TW;q=0.8,en;q=0.5')).toBe('zh-CN');
    expect(negotiateLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(negotiateLanguage('en;q=0.2, zh;q=0.7')).toBe('zh-CN');
    expect(negotiateLanguage('zh;q=0, en')).toBe('en');
    expect(negotiateLanguage('de, *;q=0.1')).toBe('en');
    expect(negotiateLanguage(['fr', 'zh-CN'])).toBe('zh-CN');
  });

  it('gives English for a missing, unknown or malformed header', () => {
    for (const header of [
      undefined,
      '',
      'fr',
      'de-DE,fr;q=0.9',
      ';;;',
      'zh;q=abc',
      'en;q=2',
      '<script>',
      '*;q=0',
    ]) {
      expect(negotiateLanguage(header)).toBe('en');
    }
  });

  it('never throws and always answers an offered language, whatever the header', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 })),
        (header) => {
          expect(['en', 'zh-CN']).toContain(negotiateLanguage(header));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with a reference on well-formed headers: the highest q names the language', () => {
    const tag = fc.constantFrom('en', 'en-US', 'zh', 'zh-CN', 'zh-TW', 'fr', 'de-CH', 'ja', '*');
    const q = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(tag, q), { minLength: 1, maxLength: 6 }), (ranges) => {
        const header = ranges.map(([t, w]) => `${t};q=${(w / 1000).toFixed(3)}`).join(', ');
        const known = ranges
          .map(([t, w], i) => ({
            lang: t.startsWith('zh')
              ? 'zh-CN'
              : t === 'en' || t.startsWith('en-') || t === '*'
                ? 'en'
                : undefined,
            w,
            i,
          }))
          .filter((r) => r.lang !== undefined && r.w > 0)
          .sort((a, b) => b.w - a.w || a.i - b.i);
        expect(negotiateLanguage(header)).toBe(known[0]?.lang ?? 'en');
      }),
      { numRuns: 1000 },
    );
  });
});
