import { describe, expect, it } from 'vitest';
import {
  type DashboardModel,
  type DataMapModel,
  type PublishReviewModel,
  renderDashboard,
  renderDataMap,
  renderPolicies,
  renderPolicyVersion,
  renderPublishReview,
} from '../src/index.js';
import { engineer, officer } from './fixtures.js';

const dashboard: DashboardModel = {
  policy: {
    version: '2026-<1>',
    seq: 3,
    publishedAt: '2026-03-01T10:00:00.000Z',
    lintErrors: 0,
    lintAccepted: 0,
    lintWarnings: 2,
  },
  consents: {
    days: ['2026-03-01', '2026-03-02', '2026-03-03'],
    purposes: [
      { id: 'marketing', name: 'Marketing & <news>', given: [2, 0, 5], withdrawn: [0, 1, 0] },
      { id: 'idle', name: 'Idle', given: [0, 0, 0], withdrawn: [0, 0, 0] },
    ],
  },
};

describe('dashboard', () => {
  it('charts consents per purpose with a table of the same numbers, and says the audit is not recorded yet', () => {
    const html = renderDashboard(dashboard, officer);
    expect(html).toContain('<p class="stat">7</p><p class="muted">given · 1 withdrawn</p>');
    expect(html).toContain('role="img" aria-labelledby="consent-chart-title consent-chart-desc"');
    expect(html).toContain('Marketing &amp; &lt;news&gt;: 7 given, 1 withdrawn');
    expect(html).toContain('<tr><th scope="row">2026-03-02</th><td class="num">0 / 1</td></tr>');
    // A purpose without activity is neither drawn nor tabled.
    expect(html).not.toContain('>Idle<');
    expect(html).toContain('Not recorded yet');
    expect(html).toContain('No review is scheduled yet.');
    expect(html).toContain('2026-&lt;1&gt;');
    expect(html).toContain('href="/console/policies/3"');
  });

  it('shows audit volume and reviews due when the model has them, and no chart without consents', () => {
    const html = renderDashboard(
      {
        ...dashboard,
        consents: { days: ['2026-03-01'], purposes: [] },
        audit: { last24h: 12, last30d: 340 },
        reviews: { due: 1, overdue: 1, nextDueOn: '2026-03-05' },
      },
      { ...officer, user: { ...officer.user, role: 'support-agent' } },
    );
    expect(html).toContain(
      '<p class="stat">12</p><p class="muted">accesses in the last 24 hours · 340 in 30 days</p>',
    );
    expect(html).toContain('1 overdue');
    expect(html).not.toContain('Not recorded yet');
    expect(html).not.toContain('<svg class="chart"');
    expect(html).toContain('No consent was given or withdrawn');
    // A support agent cannot open policy versions, so the dashboard does not link there.
    expect(html).not.toContain('href="/console/policies/3"');
  });
});

describe('data map', () => {
  const model: DataMapModel = {
    version: 'v<2>',
    datasets: [{ id: 'app-db', kind: 'postgres', categories: ['email', 'location'] }],
    categories: [
      { id: 'email', name: 'E-mail <address>', sensitive: false },
      { id: 'location', name: 'Precise location', sensitive: true },
    ],
    recipients: [
      {
        id: 'ads',
        name: 'Ad network',
        kind: 'third-party',
        country: 'US',
        categories: ['location'],
        purposes: ['advertising'],
        contractsRequired: ['dpa', 'scc'],
        contractsOnFile: ['dpa'],
      },
    ],
    transfers: [{ id: 'to-us', to: 'US', recipients: ['ads'], categories: [], mechanisms: ['scc'] }],
  };

  it('draws datasets, categories and recipients with every link, and lists the same facts as tables', () => {
    const html = renderDataMap(model, officer);
    expect(html.match(/<path class="edge"/g)).toHaveLength(3);
    expect(html).toContain('class="node category sensitive"');
    expect(html).toContain('E-mail &lt;address&gt;, Precise location');
    expect(html).toContain('<span class="badge danger">missing</span> scc');
    expect(html).toContain('<td>any</td>');
    expect(html).toContain('policy version v&lt;2&gt;');
  });
});

describe('policies', () => {
  const row = {
    seq: 2,
    version: 'v2',
    publishedAt: '2026-03-01T10:00:00.000Z',
    hash: 'sha256:abcdef0123456789abcdef',
    changes: 3,
    material: 1,
    acceptedLint: 0,
    inForce: true,
  };

  it('lists versions; only a publisher gets the publish form, with the CSRF token', () => {
    const forOfficer = renderPolicies({ versions: [row] }, officer);
    expect(forOfficer).toContain(
      '<a href="/console/policies/2">v2</a> <span class="badge ok">in force</span>',
    );
    expect(forOfficer).toContain('action="/console/policies/review"');
    expect(forOfficer).toContain('name="csrf" value="csrf-&quot;token&quot;"');
    const forEngineer = renderPolicies({ versions: [row] }, engineer);
    expect(forEngineer).not.toContain('action="/console/policies/review"');
    expect(forEngineer).toContain('needs the <code>policies:publish</code> permission');
  });

  it('shows a version with its diff against the previous one and its lint report, errors first', () => {
    const html = renderPolicyVersion(
      {
        version: row,
        previous: { seq: 1, version: 'v1' },
        diff: [
          {
            code: 'purpose-added',
            path: 'purposes[1]',
            message: 'purpose <x> added',
            material: true,
            needsConsent: true,
          },
        ],
        lint: [
          { code: 'a.warn', severity: 'warning', path: 'x', message: 'w' },
          { code: 'b.err', severity: 'error', path: 'y', message: 'e' },
        ],
        acceptedLint: [{ rule: 'r', path: 'p', message: 'm', reason: 'because <legal>' }],
        renewalPurposes: ['marketing'],
        justPublished: true,
      },
      officer,
    );
    expect(html).toContain('purpose &lt;x&gt; added');
    expect(html).toContain('needs consent');
    expect(html.indexOf('b.err')).toBeLessThan(html.indexOf('a.warn'));
    expect(html).toContain('because &lt;legal&gt;');
    expect(html).toContain('role="status">Published');
    expect(html).toContain('against version <a href="/console/policies/1">v1</a>');
  });
});

describe('publish review', () => {
  const base: PublishReviewModel = {
    manifestText: 'policy:\n  version: "3"\nname: "<script>"',
    basedOn: { seq: 2, version: 'v2', hash: 'sha256:head' },
    label: '3',
    outcome: { kind: 'ready' },
    diff: [{ code: 'field-changed', path: 'name', message: 'changed', material: false, needsConsent: false }],
    lint: [],
  };

  it('asks for confirmation with the exact text, the base version and the CSRF token', () => {
    const html = renderPublishReview(base, officer);
    expect(html).toContain('<title>Publish version 3? · Pledge console</title>');
    expect(html).toContain('action="/console/policies/publish"');
    expect(html).toContain('name="basedOn" value="sha256:head"');
    expect(html).toContain('value="policy:\n  version: &quot;3&quot;\nname: &quot;&lt;script&gt;&quot;"');
    expect(html).not.toContain('<script>');
  });

  it('shows why a refused manifest cannot be published and offers no publish button', () => {
    const html = renderPublishReview(
      {
        ...base,
        outcome: {
          kind: 'refused',
          code: 'manifest.lint-errors',
          message: 'the manifest has 1 lint error(s)',
          issues: [
            {
              code: 'contact.placeholder',
              severity: 'error',
              path: 'controller.email',
              message: 'placeholder',
            },
          ],
        },
      },
      officer,
    );
    expect(html).toContain('<code>manifest.lint-errors</code>');
    expect(html).toContain('contact.placeholder');
    expect(html).not.toContain('action="/console/policies/publish"');
    expect(html).toContain('action="/console/policies/review"');
  });
});
