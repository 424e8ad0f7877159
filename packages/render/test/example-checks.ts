import type { LocalText, Manifest } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import { buildPolicyDocument, type PolicyInline, renderPolicy } from '../src/index.js';
import { htmlText, markdownText } from './fixture.js';

/** Helpers for examples/<name>/render.test.ts: render a manifest four ways and check coverage. */

export type Lang = 'en' | 'zh-CN';

/** One language rendered both ways, with the visible text of each. */
export interface Rendered {
  md: string;
  html: string;
  /** Markdown with the escapes removed. */
  mdText: string;
  /** HTML with tags removed and entities decoded. */
  htmlText: string;
}

/** Renders a manifest as Markdown and HTML in one language. */
export function renderBoth(manifest: Manifest, lang: Lang): Rendered {
  const md = renderPolicy(manifest, { format: 'md', lang });
  const html = renderPolicy(manifest, { format: 'html', lang });
  return { md, html, mdText: markdownText(md), htmlText: htmlText(html).replace(/\s+/g, ' ') };
}

/** The visible text of a Markdown `## heading` section, up to the next `## `. */
export function mdSection(mdText: string, heading: string): string {
  const start = mdText.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = mdText.indexOf('\n## ', start + 4);
  return mdText.slice(start, end < 0 ? undefined : end);
}

/** The Markdown table row (one line) of a section whose first cell mentions `name`. */
export function mdRow(section: string, name: string): string | undefined {
  return section
    .split('\n')
    .find((line) => line.startsWith('|') && (line.split(' | ')[0] ?? '').includes(name));
}

/** The HTML table row whose row header mentions `name`. */
export function htmlRow(html: string, name: string): string | undefined {
  return html.split('\n').find((line) => {
    const header = /^<tr><th scope="row">(.*?)<\/th>/.exec(line)?.[1];
    return header !== undefined && htmlText(header).includes(name);
  });
}

function pick(value: LocalText | undefined, lang: Lang): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  return (value[lang] ?? value[lang === 'en' ? 'zh-CN' : 'en'] ?? '').trim();
}

/** Unit words, written here independently of the renderer's tables. */
const UNIT_WORDS: Record<Lang, Record<string, [string, string]>> = {
  en: {
    hours: ['hour', 'hours'],
    days: ['day', 'days'],
    'working-days': ['working day', 'working days'],
    'business-days': ['business day', 'business days'],
    weeks: ['week', 'weeks'],
    months: ['month', 'months'],
    years: ['year', 'years'],
  },
  'zh-CN': {
    hours: ['小时', '小时'],
    days: ['天', '天'],
    'working-days': ['个工作日', '个工作日'],
    'business-days': ['个营业日', '个营业日'],
    weeks: ['周', '周'],
    months: ['个月', '个月'],
    years: ['年', '年'],
  },
};

/** A duration in words as a reader expects it: "15 working days", "15个工作日". */
export function durationWords(amount: number, unit: string, lang: Lang): string {
  const words = UNIT_WORDS[lang][unit] ?? [unit, unit];
  const word = amount === 1 ? words[0] : words[1];
  return lang === 'en' ? `${amount} ${word}` : `${amount}${word}`;
}

const NOT_STATED: Record<Lang, string> = { en: 'not stated', 'zh-CN': '未说明' };

function inlineText(parts: PolicyInline[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

/**
 * Defines tests that every category and every right of a manifest reach the rendered
 * policy: names in both formats and languages, and per right its channels and deadline.
 */
export function describeManifestCoverage(name: string, manifest: Manifest): void {
  describe.each(['en', 'zh-CN'] as const)(`${name}: manifest coverage (%s)`, (lang) => {
    const out = renderBoth(manifest, lang);

    it('shows every data category in both formats', () => {
      for (const category of manifest.categories) {
        const label = pick(category.name, lang);
        expect(out.mdText, category.id).toContain(label);
        expect(out.htmlText, category.id).toContain(label);
      }
    });

    it('shows every right with each of its channels and its deadline', () => {
      const doc = buildPolicyDocument(manifest, lang);
      const rights = doc.sections.find((s) => s.id === 'your-rights');
      expect(rights?.subsections.length).toBe(manifest.rights.length);
      manifest.rights.forEach((right, index) => {
        const sub = rights?.subsections[index];
        const text = (sub?.blocks ?? [])
          .flatMap((b) =>
            b.kind === 'fields' ? b.items.map((f) => `${f.label}: ${inlineText(f.value)}`) : [],
          )
          .join('\n');
        for (const id of right.channels) {
          const channel = manifest.controller.contacts.find((c) => c.id === id);
          expect(channel, `${right.right} channel ${id}`).toBeDefined();
          const value = channel?.value.trim() ?? '';
          expect(text, `${right.right} channel ${id}`).toContain(value === '' ? NOT_STATED[lang] : value);
          const label = pick(channel?.label, lang);
          if (label) expect(text, `${right.right} channel ${id}`).toContain(label);
        }
        const deadline = right.deadline
          ? durationWords(right.deadline.amount, right.deadline.unit, lang)
          : NOT_STATED[lang];
        expect(text, `${right.right} deadline`).toContain(deadline);
        expect(out.mdText).toContain(`### ${sub?.title}`);
        expect(out.htmlText).toContain(sub?.title);
        expect(out.mdText).toContain(deadline);
      });
    });
  });
}
