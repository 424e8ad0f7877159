import { describe, expect, it } from 'vitest';
import { renderAuditPage, renderSubjectsPage } from '../src/index.js';

const user = {
  id: 'u1',
  email: 'officer@example.test',
  name: 'Olga Officer',
  role: 'privacy-officer' as const,
};

describe('the subject lookup page', () => {
  it('asks for an identifier and a required reason, marks refused fields, and escapes every value', () => {
    const html = renderSubjectsPage({
      user,
      csrfToken: 'tok"en',
      reason: '<b>why</b>',
      errors: [{ field: 'reason', message: 'The reason must be <3 to 500> characters.' }],
    });
    expect(html).toContain('value="tok&quot;en"');
    expect(html).toMatch(/<input id="reason" name="reason" type="text" required[^>]*aria-invalid="true"/);
    expect(html).toContain('&lt;3 to 500&gt;');
    expect(html).toContain('value="&lt;b&gt;why&lt;/b&gt;"');
    expect(html).toContain('href="/console/subjects" aria-current="page"');
  });

  it('shows consent per purpose and the events under the pseudonym', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const html = renderSubjectsPage({
      user,
      csrfToken: 't',
      result: {
        pseudonym: 'PSEUDO<nym>',
        purposes: [
          { id: 'newsletter', name: 'Newsletter', last: { type: 'consent-given', at } },
          { id: 'ads', name: 'Ads' },
        ],
        events: [
          {
            seq: 7,
            type: 'consent-given',
            purposes: ['newsletter'],
            categories: [],
            method: 'banner',
            source: 'web',
            occurredAt: at,
          },
        ],
      },
    });
    expect(html).toContain('PSEUDO&lt;nym&gt;');
    expect(html).toContain(
      '<td>consent-given</td><td><time datetime="2026-01-02T03:04:05.000Z">2026-01-02 03:04:05 UTC</time></td>',
    );
    expect(html).toContain('<td>no event</td>');
    expect(html).toContain('Ledger events (1)');
  });
});

describe('the access audit page', () => {
  it('offers the filters, lists entries with their aggregation, and links the next page', () => {
    const html = renderAuditPage({
      user,
      actions: ['subject-lookup', 'sdk-access'],
      filters: { action: 'sdk-access', actor: 'key_<1>' },
      entries: [
        {
          seq: 3,
          recordedAt: new Date('2026-01-01T00:00:00.000Z'),
          action: 'sdk-access',
          actor: { kind: 'key', id: 'key_1' },
          subject: 'abcdefghijklmnopqrstuv',
          categories: ['health'],
          purpose: 'health-tips',
          reason: null,
          count: 12,
          windowStart: new Date('2026-01-01T00:00:00.000Z'),
        },
      ],
      next: 'action=sdk-access&after=3',
    });
    expect(html).toContain('<option value="sdk-access" selected>');
    expect(html).toContain('value="key_&lt;1&gt;"');
    expect(html).toContain('<td>12 in the minute from 2026-01-01T00:00:00.000Z</td>');
    expect(html).toContain('href="/console/audit?action=sdk-access&amp;after=3"');
  });
});
