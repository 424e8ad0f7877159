import { describe, expect, it } from 'vitest';
import { renderPolicy } from '../src/index.js';
import { FULL_YAML, manifestFrom } from './fixture.js';

const hostile = manifestFrom(
  FULL_YAML.replace('name: Google Analytics', 'name: "Evil <script>alert(1)</script> | pipe"')
    .replace('privacyUrl: https://policies.google.com/privacy', 'privacyUrl: "javascript:alert(1)"')
    .replace('examples: [work email]', 'examples: ["a | b", "*bold* _it_ [x](y) &amp; $x$"]'),
);

describe('renderPolicy escaping', () => {
  it('escapes markup in HTML and never emits an unsafe link', () => {
    const html = renderPolicy(hostile, { format: 'html', lang: 'en' });
    expect(html).not.toContain('<script');
    expect(html).toContain('Evil &lt;script&gt;alert(1)&lt;/script&gt; | pipe');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('javascript:alert(1)');
    expect(html).toContain('&amp;amp;');
  });

  it('escapes markup and table pipes in Markdown', () => {
    const md = renderPolicy(hostile, { format: 'md', lang: 'en' });
    expect(md).not.toContain('<script>');
    expect(md).toContain('Evil \\<script\\>alert(1)\\</script\\> \\| pipe');
    expect(md).toContain('a \\| b');
    expect(md).toContain('\\*bold\\* \\_it\\_ \\[x\\](y) \\&amp; \\$x\\$');
    expect(md).not.toContain('](<javascript:');
  });

  it('keeps every Markdown table row at the width of its header', () => {
    const md = renderPolicy(hostile, { format: 'md', lang: 'en' });
    const unescapedPipes = (line: string) =>
      line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;
    let width = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      if (width === 0) width = unescapedPipes(line);
      expect(unescapedPipes(line), line).toBe(width);
    }
  });
});
