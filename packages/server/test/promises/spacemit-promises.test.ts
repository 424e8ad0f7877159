import { createApiKey } from '@pledge/auth';
import type { Manifest } from '@pledge/core';
import { addContract } from '@pledge/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest, REPO_ROOT } from '../fixtures.js';
import { type TestApp, testApp } from '../helpers.js';
import { apiClient } from './api-client.js';

/** Seed 002, the SpacemiT website, as `examples/spacemit-site` deploys it. */
const spacemit = loadManifest(`${REPO_ROOT}examples/spacemit-site/pledge.yaml`);
const CN = { jurisdiction: 'cn-pipl' } as const;

interface Refusal {
  error: { code: string; issues?: Array<{ code: string; path: string }> };
}

describe('SpacemiT website (seed 002) promises, driven through the running server', () => {
  let t: TestApp;
  let key = '';
  beforeAll(async () => {
    t = await testApp('pglite', { manifest: spacemit });
    const made = await createApiKey(t.store, {
      name: 'spacemit-promises',
      scopes: ['consent:write', 'decide', 'disclose', 'ledger:read', 'policy:publish'],
    });
    if (!made.ok) throw new Error(made.issue.message);
    key = made.created.secret;
  });
  afterAll(() => t?.close());

  const { call, decide, record } = apiClient(
    () => t,
    () => key,
  );
  const codes = (res: { json(): unknown }) => ((res.json() as Refusal).error.issues ?? []).map((i) => i.code);
  async function fileContract(recipient: string): Promise<void> {
    await addContract(t.store.db, {
      recipient,
      kind: 'nda',
      signedOn: '2026-01-01',
      mediaType: 'application/pdf',
      document: new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'),
      recordedBy: 'key_test',
    });
  }
  /** Publishes a changed copy of the policy in force under a new label. */
  async function publish(version: string, change: (m: Manifest) => void) {
    const current = (
      await t.app.inject({ url: '/v1/policies/current', headers: { authorization: `Bearer ${key}` } })
    ).json() as { manifest: Manifest };
    const next = structuredClone(current.manifest);
    next.policy.version = version;
    change(next);
    const res = await call('/v1/policies', next);
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { policy: { renewalPurposes: string[]; changes: Array<{ code: string }> } }).policy;
  }

  it('P2-09: personal information collected in China stays in China: an overseas destination is refused, and the overseas recipient needs a contract and a separate consent', async () => {
    const user = 'p2-09-localisation-canary';
    await call('/v1/use', { subject: user });
    const enquiry = { subject: user, purpose: 'enquiries', categories: ['email', 'message'], facts: CN };
    expect((await decide({ ...enquiry, destinationCountry: 'CN' })).allowed).toBe(true);
    for (const country of ['SG', 'US', 'DE']) {
      const abroad = await decide({ ...enquiry, destinationCountry: country });
      expect(abroad.allowed, country).toBe(false);
      expect(abroad.reasons, country).toContain('deny.transfer-localised');
    }
    const overseas = await call('/v1/disclosures', {
      subject: user,
      recipient: 'overseas-entities',
      purpose: 'enquiries',
      categories: ['email'],
      facts: CN,
    });
    expect(overseas.statusCode).toBe(403);
    expect(codes(overseas)).toEqual(
      expect.arrayContaining(['disclosure.contract-missing', 'disclosure.separate-consent-required']),
    );
  });

  it('P2-13: sharing within the group is limited to the declared enquiry and application data, and needs a contract and the person’s separate consent', async () => {
    const user = 'p2-13-group-canary';
    const share = (categories: string[]) =>
      call('/v1/disclosures', {
        subject: user,
        recipient: 'group',
        purpose: 'enquiries',
        categories,
        facts: CN,
      });
    const bare = await share(['email']);
    expect(bare.statusCode).toBe(403);
    expect(codes(bare)).toEqual(
      expect.arrayContaining(['disclosure.contract-missing', 'disclosure.separate-consent-required']),
    );

    await fileContract('group');
    await call('/v1/use', { subject: user });
    await record(user, [{ type: 'consent-given', purposes: ['enquiries'], consentMode: 'separate' }]);
    const allowed = await share(['email', 'message']);
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json()).toMatchObject({ allowed: true, basis: 'consent' });

    // Browsing data is not "necessary" for the group: not declared for it, so refused.
    const browsing = await share(['email', 'visit-behaviour']);
    expect(browsing.statusCode).toBe(403);
    expect((browsing.json() as Refusal).error.issues).toContainEqual(
      expect.objectContaining({ code: 'disclosure.category-not-declared', path: 'categories.1' }),
    );
  });

  it('P2-14: transfer to another company and public disclosure are refused even with a contract and consent, and each refusal is logged', async () => {
    const user = 'p2-14-never-canary';
    await call('/v1/use', { subject: user });
    await record(user, [{ type: 'consent-given', consentMode: 'separate' }]);
    for (const recipient of ['transferees', 'public']) {
      await fileContract(recipient);
      for (const purpose of ['enquiries', 'recruitment', 'browse-website']) {
        const res = await call('/v1/disclosures', {
          subject: user,
          recipient,
          purpose,
          categories: ['email'],
          facts: CN,
        });
        expect(res.statusCode, `${recipient} ${purpose}`).toBe(403);
        expect(codes(res)).toContain('disclosure.purpose-not-declared');
      }
    }
    const logged = await sql<{ recipient: string; allowed: boolean; n: number }>`
      SELECT recipient, allowed, count(*)::int AS n FROM pledge_disclosures
      WHERE recipient IN ('transferees', 'public') GROUP BY recipient, allowed ORDER BY recipient`.execute(
      t.store.db,
    );
    expect(logged.rows).toEqual([
      { recipient: 'public', allowed: false, n: 3 },
      { recipient: 'transferees', allowed: false, n: 3 },
    ]);
  });

  it('P2-20: consent to the additionally collected analytics can be withdrawn at any time; processing stops and the earlier consent stays on record', async () => {
    const user = 'p2-20-analytics-canary';
    const analytics = { subject: user, purpose: 'web-analytics', categories: ['visit-behaviour'], facts: CN };
    await call('/v1/use', { subject: user });
    // Browsing (implied by use) is no consent to Baidu statistics.
    expect((await decide(analytics)).reasons).toContain('deny.no-consent');
    await record(user, [
      { type: 'consent-given', purposes: ['web-analytics'], consentMode: 'opt-in', method: 'banner' },
    ]);
    expect((await decide(analytics)).allowed).toBe(true);

    await record(user, [{ type: 'consent-withdrawn', purposes: ['web-analytics'], method: 'banner' }]);
    expect(await decide(analytics)).toMatchObject({ allowed: false, reasons: ['deny.consent-withdrawn'] });
    // Withdrawing the optional analytics leaves the browsing itself alone.
    const browse = await decide({
      subject: user,
      purpose: 'browse-website',
      categories: ['visit-behaviour'],
      facts: CN,
    });
    expect(browse.allowed).toBe(true);
    const ledger = (await call('/v1/consents/query', { subject: user })).json() as {
      events: Array<{ type: string }>;
    };
    expect(ledger.events.map((e) => e.type)).toEqual([
      'policy-accepted',
      'consent-given',
      'consent-withdrawn',
    ]);
  });

  it('P2-23: a child under 14 cannot use the site or submit forms without a recorded guardian consent; a 14-year-old can', async () => {
    const child = 'p2-23-child-canary';
    await call('/v1/use', { subject: child });
    const enquiry = { subject: child, purpose: 'enquiries', categories: ['name', 'email', 'message'] };
    for (const purpose of ['browse-website', 'enquiries', 'recruitment']) {
      const categories = purpose === 'browse-website' ? ['visit-behaviour'] : ['email'];
      const d = await decide({ subject: child, purpose, categories, facts: { ...CN, age: 13 } });
      expect(d, purpose).toMatchObject({ allowed: false, reasons: ['deny.guardian-consent-required'] });
    }
    expect((await decide({ ...enquiry, facts: { ...CN, age: 14 } })).allowed).toBe(true);

    await record(child, [{ type: 'guardian-consent', purposes: ['enquiries'] }]);
    const after = await decide({ ...enquiry, facts: { ...CN, age: 13 } });
    expect(after.allowed).toBe(true);
    expect(after.reasons).toContain('ok.guardian-consent');
  });

  it('P2-24: a child’s information is shared only with the guardian’s express consent, or where the law requires it', async () => {
    const child = 'p2-24-child-canary';
    const facts = { ...CN, age: 12 };
    const toGroup = {
      subject: child,
      purpose: 'enquiries',
      recipient: 'group',
      categories: ['email'],
      facts,
    };
    expect((await decide(toGroup)).reasons).toContain('deny.guardian-consent-required');
    // Compelled by law: no consent is involved.
    const legal = await decide({ subject: child, purpose: 'legal-compliance', categories: ['email'], facts });
    expect(legal).toMatchObject({ allowed: true, reasons: ['ok.legal-obligation'] });

    await record(child, [{ type: 'guardian-consent', purposes: ['enquiries'] }]);
    const shared = await decide(toGroup);
    expect(shared.allowed).toBe(true);
    expect(shared.reasons).toContain('ok.guardian-consent');
    expect(shared.obligations).toContainEqual({ kind: 'record-disclosure', recipient: 'group' });
    // The guardian agreed to enquiries, not to analytics.
    const analytics = await decide({
      subject: child,
      purpose: 'web-analytics',
      categories: ['visit-behaviour'],
      facts,
    });
    expect(analytics.reasons).toContain('deny.guardian-consent-required');
  });

  it('P2-28: continued use after a change is recorded as acceptance of the new version, and the changed purpose waits for it', async () => {
    const user = 'p2-28-continued-use-canary';
    const enquiry = { subject: user, purpose: 'enquiries', categories: ['email'], facts: CN };
    expect((await decide(enquiry)).reasons).toContain('deny.no-consent');
    expect((await call('/v1/use', { subject: user })).json()).toEqual({ recorded: true });
    expect((await decide(enquiry)).allowed).toBe(true);

    const v2 = await publish('2022-09-01-p2-28', (m) => {
      m.purposes.find((p) => p.id === 'enquiries')?.categories.push('search-terms');
    });
    expect(v2.renewalPurposes).toContain('enquiries');
    expect(await decide(enquiry)).toMatchObject({ allowed: false, reasons: ['deny.consent-needs-renewal'] });

    expect((await call('/v1/use', { subject: user })).json()).toEqual({ recorded: true });
    expect((await call('/v1/use', { subject: user })).json()).toEqual({ recorded: false });
    expect((await decide(enquiry)).allowed).toBe(true);
    const events = (
      (await call('/v1/consents/query', { subject: user })).json() as {
        events: Array<{ type: string; policyVersion: string }>;
      }
    ).events.filter((e) => e.type === 'policy-accepted');
    expect(events.map((e) => e.policyVersion)).toEqual([spacemit.policy.version, '2022-09-01-p2-28']);
  });

  it('P2-27: a version that narrows a right reopens every consent: an opt-in consent counts again only once the person consents anew, not by continued use', async () => {
    const user = 'p2-27-rights-canary';
    const analytics = { subject: user, purpose: 'web-analytics', categories: ['visit-behaviour'], facts: CN };
    await record(user, [{ type: 'consent-given', purposes: ['web-analytics'], consentMode: 'opt-in' }]);
    expect((await decide(analytics)).allowed).toBe(true);

    const narrowed = await publish('2022-10-01-p2-27', (m) => {
      const rectification = m.rights.find((r) => r.right === 'rectification');
      if (!rectification?.deadline) throw new Error('no rectification deadline');
      rectification.deadline = { ...rectification.deadline, amount: rectification.deadline.amount + 15 };
    });
    expect(narrowed.changes.map((c) => c.code)).toContain('deadline-longer');
    expect(narrowed.renewalPurposes).toContain('web-analytics');
    expect(await decide(analytics)).toMatchObject({
      allowed: false,
      reasons: ['deny.consent-needs-renewal'],
    });

    await call('/v1/use', { subject: user });
    expect((await decide(analytics)).allowed).toBe(false);
    await record(user, [{ type: 'consent-given', purposes: ['web-analytics'], consentMode: 'opt-in' }]);
    expect((await decide(analytics)).allowed).toBe(true);
  });
});
