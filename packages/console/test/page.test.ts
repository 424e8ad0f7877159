import { describe, expect, it } from 'vitest';
import { CONSOLE_PAGES, renderConsolePage } from '../src/index.js';

describe('renderConsolePage', () => {
  it('shows only the pages the role may open and escapes every value', () => {
    const html = renderConsolePage({
      title: 'Dash <b>',
      user: { id: 'u1', email: 'a@example.test', name: 'Ann <script>', role: 'support-agent' },
      active: 'subjects',
      body: '<p>hello</p>',
      csrfToken: 't"x',
    });
    expect(html).toContain('<title>Dash &lt;b&gt; · Pledge console</title>');
    expect(html).toContain('Ann &lt;script&gt;');
    expect(html).toContain('value="t&quot;x"');
    expect(html).toContain('href="/console/subjects" aria-current="page"');
    expect(html).not.toContain('/console/audit');
    expect(html).not.toContain('/console/users');
  });

  it('has a unique path per page', () => {
    expect(new Set(CONSOLE_PAGES.map((page) => page.path)).size).toBe(CONSOLE_PAGES.length);
  });
});
