import { appendAuditEntries, appendEvents } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentTrend, DASHBOARD_DAYS, loadDashboard } from '../src/console/dashboard-loader.js';
import { dataMapOf } from '../src/console/data-map-loader.js';
import { loadPolicies, loadPolicyVersion } from '../src/console/policies-loader.js';
import { publishReviewed, reviewManifest } from '../src/console/publish-loader.js';
import { openRuntime, type Runtime } from '../src/runtime.js';
import { antsentry, antsentryWith } from './helpers.js';

describe('console loaders over a real store (PGlite)', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = await openRuntime({ manifest: antsentry, source: 'pledge.yaml' });
  });
  afterAll(() => rt.close());

  it('the dashboard counts consents per purpose and day from the ledger, audit accesses per day, and the review status', async () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const purpose = antsentry.purposes[0]?.id as string;
    const base = {
      method: 'banner',
      source: 'web',
      policyVersion: rt.engine.policy.version.version,
      policyHash: rt.engine.policy.version.hash,
      actor: 'subject' as const,
      purposes: [purpose],
    };
    await appendEvents(rt.store.db, rt.subjectKey, [
      { ...base, type: 'consent-given' as const, subject: 'a', occurredAt: '2026-03-10T01:00:00Z' },
      { ...base, type: 'consent-given' as const, subject: 'b', occurredAt: '2026-03-10T02:00:00Z' },
      { ...base, type: 'consent-withdrawn' as const, subject: 'a', occurredAt: '2026-03-09T02:00:00Z' },
      // Before the window: not counted.
      { ...base, type: 'consent-given' as const, subject: 'c', occurredAt: '2026-02-01T02:00:00Z' },
    ]);
    const empty = await loadDashboard(rt, now);
    // AntSentry reviews every 90 days; with no access recorded yet, nothing is due.
    expect(empty.reviews).toEqual({ due: 0, overdue: 0 });
    expect(empty.audit).toEqual({ last24h: 0, last30d: 0, perDay: Array(DASHBOARD_DAYS).fill(0) });
    const actor = { kind: 'key' as const, id: 'key_test' };
    const at = (iso: string) => ({ now: () => new Date(iso) });
    // A role change is in the log but reads no personal data: not counted as an access.
    await appendAuditEntries(
      rt.store.db,
      [{ action: 'role-change', actor: { kind: 'system', id: 'cli' } }],
      at('2026-03-10T09:00:00Z'),
    );
    await appendAuditEntries(rt.store.db, [{ action: 'api-read', actor }], at('2026-01-01T10:00:00Z'));
    await appendAuditEntries(
      rt.store.db,
      [{ action: 'api-read', actor, count: 3 }],
      at('2026-03-09T10:00:00Z'),
    );
    await appendAuditEntries(
      rt.store.db,
      [
        { action: 'api-read', actor },
        { action: 'api-write', actor },
      ],
      at('2026-03-10T11:00:00Z'),
    );
    const model = await loadDashboard(rt, now);
    expect(model.audit?.perDay?.slice(-2)).toEqual([3, 2]);
    expect(model.audit?.last30d).toBe(5);
    expect(model.audit?.last24h).toBe(2); // since 9 March 12:00
    // The first access was on 1 January: the review falls due 90 days later, not yet due on 10 March.
    expect(model.reviews?.overdue).toBe(0);
    expect(model.reviewStatus?.nextDueAt?.toISOString().slice(0, 10)).toBe('2026-04-01');
    expect(model.consents.days).toHaveLength(DASHBOARD_DAYS);
    expect(model.consents.days.at(-1)).toBe('2026-03-10');
    const series = model.consents.purposes.find((p) => p.id === purpose);
    expect(series?.given.at(-1)).toBe(2);
    expect(series?.withdrawn.at(-2)).toBe(1);
    expect(series?.given.reduce((a, b) => a + b, 0)).toBe(2);
    expect(model.consents.purposes.map((p) => p.id)).toEqual(antsentry.purposes.map((p) => p.id));
    expect(model.policy.lintErrors).toBe(rt.context().lint.filter((i) => i.severity === 'error').length);
  });

  it('keeps purposes the ledger names but the policy no longer declares, after the declared ones', () => {
    const trend = consentTrend(
      [{ day: '2026-01-02', purpose: 'gone', given: 3, withdrawn: 0 }],
      new Date('2026-01-01T00:00:00Z'),
      [{ id: 'kept', name: 'Kept' }],
    );
    expect(trend.purposes.map((p) => [p.id, p.given[1]])).toEqual([
      ['kept', 0],
      ['gone', 3],
    ]);
  });

  it('maps datasets to the categories their fields hold and categories to recipients', () => {
    const map = dataMapOf(antsentry, 'v');
    expect(map.datasets.map((d) => d.id)).toEqual(antsentry.datasets.map((d) => d.id));
    const first = antsentry.datasets[0];
    const field = first?.collections[0]?.fields.find((f) => f.categories.length > 0);
    expect(map.datasets[0]?.categories).toContain(field?.categories[0]);
    expect(map.recipients).toHaveLength(antsentry.recipients.length);
    expect(map.categories.some((c) => c.sensitive)).toBe(true);
  });

  it('publishing from the console: review, confirm against the version reviewed, then the diff and lint of the new version', async () => {
    const next = antsentryWith((m) => {
      m.policy.version = '2026-03-01';
      m.policy.lastUpdated = '2026-03-01';
    });
    const text = JSON.stringify(next);
    const review = await reviewManifest(rt, text);
    expect(review.outcome).toEqual({ kind: 'ready' });
    expect(review.label).toBe('2026-03-01');
    expect(review.diff.map((c) => c.path)).toContain('policy.version');

    const stale = await publishReviewed(rt, text, 'sha256:not-the-policy-in-force');
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.review.notice).toContain('changed since this review');
    expect(rt.engine.versions).toHaveLength(1);

    const published = await publishReviewed(rt, text, review.basedOn.hash);
    expect(published).toEqual({ ok: true, seq: 2, created: true });
    const list = await loadPolicies(rt);
    expect(list.versions.map((v) => [v.seq, v.inForce])).toEqual([
      [2, true],
      [1, false],
    ]);
    const version = await loadPolicyVersion(rt, 2);
    expect(version?.previous).toEqual({ seq: 1, version: antsentry.policy.version });
    expect(version?.diff.map((c) => c.path)).toContain('policy.version');
    expect(version?.acceptedLint.length).toBeGreaterThan(0);
    // Every error of a published version was accepted by an override, and is marked so.
    const errors = version?.lint.filter((i) => i.severity === 'error') ?? [];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((i) => i.accepted)).toBe(true);
    expect(await loadPolicyVersion(rt, 99)).toBeUndefined();

    expect((await reviewManifest(rt, text)).outcome).toEqual({ kind: 'unchanged', seq: 2 });
  });

  it('the review refuses what the publish API refuses: lint errors, a reused label, an invalid manifest', async () => {
    const lint = await reviewManifest(
      rt,
      JSON.stringify(
        antsentryWith((m) => {
          m.policy.version = '2026-04-01';
          m.lintOverrides = [];
        }),
      ),
    );
    expect(lint.outcome.kind === 'refused' && lint.outcome.code).toBe('manifest.lint-errors');
    expect(lint.outcome.kind === 'refused' && lint.outcome.issues.length).toBeGreaterThan(0);

    const reused = await reviewManifest(
      rt,
      JSON.stringify(
        antsentryWith((m) => {
          m.policy.version = '2026-03-01';
          m.policy.lastUpdated = '2026-03-02';
        }),
      ),
    );
    expect(reused.outcome.kind === 'refused' && reused.outcome.code).toBe('policy.version-label-reused');

    const invalid = await reviewManifest(rt, 'policy: [');
    expect(invalid.outcome.kind).toBe('invalid');
    const refused = await publishReviewed(rt, 'policy: [', rt.engine.policy.version.hash);
    expect(refused.ok).toBe(false);
    expect(rt.engine.versions).toHaveLength(2);
  });
});
