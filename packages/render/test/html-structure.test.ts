import { describe, expect, it } from 'vitest';
import { renderPolicy } from '../src/index.js';
import { FULL_YAML, manifestFrom } from './fixture.js';

const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);

/** Returns the first nesting error in the tags of an HTML string, or undefined when balanced. */
function tagBalanceError(html: string): string | undefined {
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, closing, rawName] = match;
    const name = (rawName ?? '').toLowerCase();
    if (VOID.has(name)) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return `unexpected </${name}> at ${match.index}`;
  }
  return stack.length === 0 ? undefined : `unclosed <${stack.join('>, <')}>`;
}

describe.each(['en', 'zh-CN'] as const)('HTML structure (%s)', (lang) => {
  const html = renderPolicy(manifestFrom(FULL_YAML), { format: 'html', lang });

  it('is a complete standalone document with the language on the root', () => {
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('balances every tag it opens', () => {
    expect(tagBalanceError(html)).toBeUndefined();
  });

  it('gives every table header cell a scope and every table a caption', () => {
    const ths = [...html.matchAll(/<th\b[^>]*>/g)].map((m) => m[0]);
    expect(ths.length).toBeGreaterThan(0);
    for (const th of ths) expect(th).toMatch(/scope="(col|row)"/);
    expect(html.match(/<table>/g)?.length).toBe(html.match(/<caption>/g)?.length);
  });

  it('links every table-of-contents entry to a unique heading id', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const nav = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThanOrEqual(15);
    for (const target of targets) expect(ids).toContain(target);
  });

  it('uses one h1 and nests headings without skipping a level', () => {
    expect(html.match(/<h1[\s>]/g)?.length).toBe(1);
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    levels.slice(1).forEach((level, index) => {
      expect(level - (levels[index] ?? 1)).toBeLessThanOrEqual(1);
    });
  });
});

describe('tagBalanceError', () => {
  it('reports a crossed or unclosed tag', () => {
    expect(tagBalanceError('<p><strong>x</p></strong>')).toBeDefined();
    expect(tagBalanceError('<section><p>x</p>')).toBeDefined();
    expect(tagBalanceError('<section><p>x</p><meta charset="utf-8"></section>')).toBeUndefined();
  });
});
