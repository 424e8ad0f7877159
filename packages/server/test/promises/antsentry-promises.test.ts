import { createApiKey } from '@pledge/auth';
import { listDisclosures } from '@pledge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antsentry, type TestApp, testApp } from '../helpers.js';

/**
 * AntSentry (seed 000) promises the running server enforces: decisions (`/v1/decide`), use as
 * acceptance (`/v1/use`), the consent ledger and the disclosure gate
 * (`/v1/disclosures`) with its register. Each test uses its own subjects.
 */

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n', 'latin1');

interface Decision {
  allowed: boolean;
  legalBasis?: string;
  reasons: string[];
  obligations: Array<{ kind: string; [k: string]: unknown }>;
}
interface ApiError {
  error: { code: string; issues?: Array<{ code: string; path: string; message: string }> };
}

const categoriesOf = (purpose: string): string[] => {
  const found = antsentry.purposes.find((p) => p.id === purpose);
  if (!found) throw new Error(`no purpose ${purpose} in the AntSentry manifest`);
  return [...found.categories];
};
const recipientOf = (id: string) => {
  const found = antsentry.recipients.find((r) => r.id === id);
  if (!found) throw new Error(`no recipient ${id} in the AntSentry manifest`);
  return found;
};

describe('AntSentry promises enforced by the running server', () => {
  let t: TestApp;
  let key = '';
  beforeAll(async () => {
    t = await testApp('pglite');
    const made = await createApiKey(t.store, {
      name: 'promises',
      scopes: ['consent:write', 'decide', 'ledger:read', 'disclose', 'recipients'],
    });
    if (!made.ok) throw new Error(made.issue.message);
    key = made.created.secret;
    // The contracts and the SDK inspection the register asks for are filed up front, so the
    // disclosure tests below are refused only by the promise they check (P0-19/P0-23 are tested elsewhere).
    for (const [recipient, kind] of [
      ['google-analytics', 'dpa'],
      ['google-analytics', 'scc'],
      ['entrusted-processors', 'dpa'],
      ['entrusted-processors', 'nda'],
      ['business-partners', 'nda'],
    ] as const) {
      const filed = await t.app.inject({
        method: 'POST',
        url: `/v1/recipients/${recipient}/contracts?kind=${kind}&signedOn=2025-01-01`,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/pdf' },
        payload: PDF,
      });
      if (filed.statusCode !== 201) throw new Error(`filing ${kind} for ${recipient}: ${filed.body}`);
    }
    const inspected = await post('/v1/recipients/google-analytics/inspections', {
      kind: 'security-inspection',
      outcome: 'passed',
      performedOn: '2025-02-01',
    });
    if (inspected.statusCode !== 201) throw new Error(inspected.body);
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}` }, payload });
  const decide = async (body: object): Promise<Decision> => {
    const res = await post('/v1/decide', body);
    expect(res.statusCode).toBe(200);
    return res.json() as Decision;
  };
  const use = async (subject: string) => {
    const res = await post('/v1/use', { subject });
    expect(res.statusCode).toBe(200);
    return (res.json() as { recorded: boolean }).recorded;
  };
  const record = async (subject: string, events: object[]) => {
    const res = await post('/v1/consents', { subject, events });
    expect(res.statusCode).toBe(201);
  };
  const events = async (subject: string) =>
    (
      (await post('/v1/consents/query', { subject })).json() as {
        events: Array<{
          type: string;
          purposes: string[];
          policyVersion: string;
          method: string;
          occurredAt: string;
        }>;
      }
    ).events;
  const disclose = (body: object) => post('/v1/disclosures', body);
  /** The keyed subject hash the ledger and the disclosure log share. */
  const subjectHash = async (subject: string) =>
    ((await post('/v1/consents/query', { subject })).json() as { subjectHash: string }).subjectHash;
  const refusalCodes = (res: { json(): unknown }) =>
    ((res.json() as ApiError).error.issues ?? []).map((i) => i.code);

  it('P0-03: using the service records acceptance of the current policy version, once, and implied purposes then apply', async () => {
    const subject = 'p003-canary';
    const before = await decide({ subject, purpose: 'miner-monitoring', categories: ['mining-machine'] });
    expect(before.allowed).toBe(false);
    expect(before.reasons).toContain('deny.no-consent');

    const startedAt = Date.now();
    expect(await use(subject)).toBe(true);
    expect(await use(subject)).toBe(false);
    const recorded = await events(subject);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      type: 'policy-accepted',
      method: 'use-of-service',
      policyVersion: antsentry.policy.version,
    });
    expect(Date.parse(recorded[0]!.occurredAt)).toBeGreaterThanOrEqual(startedAt - 1000);

    const after = await decide({ subject, purpose: 'miner-monitoring', categories: ['mining-machine'] });
    expect(after).toMatchObject({ allowed: true, reasons: ['ok.consent'] });
  });

  it('P0-02: under PIPL, sensitive data is not collected on implied acceptance; a separate consent is needed', async () => {
    const subject = 'p002-canary';
    await use(subject);
    const facts = { jurisdiction: 'cn-pipl' };
    // Electricity fees are financial data (sensitive under PIPL); the mining machine list is not.
    const sensitive = await decide({
      subject,
      purpose: 'miner-monitoring',
      categories: ['electricity-fees'],
      facts,
    });
    expect(sensitive.allowed).toBe(false);
    expect(sensitive.reasons).toEqual(['deny.separate-consent-required']);
    const plain = await decide({
      subject,
      purpose: 'miner-monitoring',
      categories: ['mining-machine'],
      facts,
    });
    expect(plain.allowed).toBe(true);

    // An ordinary opt-in is not a separate consent.
    await record(subject, [{ type: 'consent-given', purposes: ['miner-monitoring'], consentMode: 'opt-in' }]);
    const optIn = await decide({
      subject,
      purpose: 'miner-monitoring',
      categories: ['electricity-fees'],
      facts,
    });
    expect(optIn.allowed).toBe(false);

    await record(subject, [
      { type: 'consent-given', purposes: ['miner-monitoring'], consentMode: 'separate' },
    ]);
    const separate = await decide({
      subject,
      purpose: 'miner-monitoring',
      categories: ['electricity-fees'],
      facts,
    });
    expect(separate.allowed).toBe(true);
    expect(separate.obligations).toContainEqual(
      expect.objectContaining({ kind: 'mask-fields', categories: ['electricity-fees'] }),
    );
  });

  it('P0-08: feedback is usable to process the feedback, never for marketing, even with a marketing consent', async () => {
    const subject = 'p008-canary';
    await use(subject);
    await record(subject, [{ type: 'consent-given', purposes: ['marketing-emails'], consentMode: 'opt-in' }]);
    expect((await decide({ subject, purpose: 'marketing-emails', categories: ['email'] })).allowed).toBe(
      true,
    );
    expect((await decide({ subject, purpose: 'feedback', categories: ['feedback', 'email'] })).allowed).toBe(
      true,
    );

    for (const purpose of ['marketing-emails', 'new-services-emails']) {
      const marketing = await decide({ subject, purpose, categories: ['feedback'] });
      expect(marketing.allowed, purpose).toBe(false);
      expect(marketing.reasons, purpose).toContain('deny.category-not-declared');
    }
    // Nor can it go to the email-sending processor for marketing.
    const sent = await disclose({
      subject,
      recipient: 'entrusted-processors',
      purpose: 'marketing-emails',
      categories: ['feedback'],
    });
    expect(sent.statusCode).toBe(403);
    expect(JSON.stringify(sent.json())).toContain('deny.category-not-declared');
  });

  it('P0-11: subscription marketing (I.5) needs an express consent; use of the service is not one', async () => {
    for (const jurisdiction of ['cn-pipl', 'eu-gdpr', 'us-ca-ccpa']) {
      const subject = `p011-canary-${jurisdiction}`;
      const facts = { jurisdiction };
      await use(subject);
      const silent = await decide({ subject, purpose: 'marketing-emails', categories: ['email'], facts });
      expect(silent.allowed, jurisdiction).toBe(false);
      expect(silent.reasons, jurisdiction).toContain('deny.no-consent');
      // Service notifications need no marketing consent.
      expect(
        (await decide({ subject, purpose: 'service-notifications', categories: ['email'], facts })).allowed,
        jurisdiction,
      ).toBe(true);

      await record(subject, [
        { type: 'consent-given', purposes: ['marketing-emails'], consentMode: 'opt-in', method: 'form' },
      ]);
      expect(
        (await decide({ subject, purpose: 'marketing-emails', categories: ['email'], facts })).allowed,
        jurisdiction,
      ).toBe(true);
    }
  });

  it('P0-15: with Do Not Track, no non-essential tracker may run; the essential session stays', async () => {
    const subject = 'p015-canary';
    await use(subject);
    const declared = new Set(antsentry.purposes.map((p) => p.id));
    const tracked = antsentry.trackers
      .filter((tracker) => !tracker.essential)
      .flatMap((tracker) =>
        tracker.purposes
          .filter((purpose) => declared.has(purpose))
          .map((purpose) => ({ tracker: tracker.id, purpose, categories: [...tracker.categories] })),
      );
    expect(tracked.length).toBeGreaterThan(5);
    for (const { tracker, purpose, categories } of tracked) {
      const onRequest = await decide({ subject, purpose, categories, facts: { dnt: true } });
      expect(onRequest.allowed, `${tracker} for ${purpose}`).toBe(false);
      expect(onRequest.reasons, `${tracker} for ${purpose}`).toContain('deny.dnt');
    }
    // Without the signal, the analytics the person accepted by use run.
    expect(
      (await decide({ subject, purpose: 'browse-website', categories: categoriesOf('browse-website') }))
        .allowed,
    ).toBe(true);

    // A DNT header seen once is recorded and keeps counting on later requests.
    await record(subject, [{ type: 'signal-seen', signal: 'dnt' }]);
    const later = await decide({
      subject,
      purpose: 'browse-website',
      categories: categoriesOf('browse-website'),
    });
    expect(later.reasons).toContain('deny.dnt');
    for (const purpose of ['registration', 'miner-monitoring']) {
      const essential = await decide({ subject, purpose, categories: ['account-id'], facts: { dnt: true } });
      expect(essential.allowed, purpose).toBe(true);
    }
  });

  it('P0-18: Google Analytics is an analytics SDK in the register and receives log data only', async () => {
    const subject = 'p018-canary';
    await use(subject);
    const list = await t.app.inject({ url: '/v1/recipients', headers: { authorization: `Bearer ${key}` } });
    const ga = (
      list.json() as { recipients: Array<{ id: string; kind: string; categories: string[] }> }
    ).recipients.find((r) => r.id === 'google-analytics');
    expect(ga).toMatchObject({ kind: 'sdk' });
    const logData = new Set(['ip-address', 'browser-info', 'service-usage-log', 'cookie-id']);
    expect(ga!.categories.every((c) => logData.has(c))).toBe(true);

    const facts = { jurisdiction: 'eu-gdpr' };
    const logs = await disclose({
      subject,
      recipient: 'google-analytics',
      purpose: 'browse-website',
      categories: ['ip-address', 'browser-info', 'service-usage-log'],
      facts,
    });
    expect(logs.statusCode).toBe(200);
    for (const category of ['email', 'phone', 'mining-machine', 'mining-pool', 'feedback']) {
      const other = await disclose({
        subject,
        recipient: 'google-analytics',
        purpose: 'browse-website',
        categories: ['ip-address', category],
        facts,
      });
      expect(other.statusCode, category).toBe(403);
      expect((other.json() as ApiError).error.issues, category).toContainEqual(
        expect.objectContaining({ code: 'disclosure.category-not-declared', path: 'categories.1' }),
      );
    }
  });

  it('P0-20: an entrusted processor gets data only for the tasks it was entrusted with', async () => {
    const subject = 'p020-canary';
    await use(subject);
    const entrusted = recipientOf('entrusted-processors').purposes;
    const support = await disclose({
      subject,
      recipient: 'entrusted-processors',
      purpose: 'technical-support',
      categories: ['support-request'],
    });
    expect(support.statusCode).toBe(200);
    for (const purpose of [
      'personalisation',
      'service-improvement',
      'miner-monitoring',
      'legal-compliance',
    ]) {
      expect(entrusted).not.toContain(purpose);
      const other = await disclose({
        subject,
        recipient: 'entrusted-processors',
        purpose,
        categories: ['ip-address'],
      });
      expect(other.statusCode, purpose).toBe(403);
      expect(refusalCodes(other), purpose).toContain('disclosure.purpose-not-declared');
    }
  });

  it('P0-22: a business partner gets data only after a separate consent, or under a logged legal requirement', async () => {
    const subject = 'p022-canary';
    await use(subject);
    const body = {
      subject,
      recipient: 'business-partners',
      purpose: 'miner-monitoring',
      categories: ['mining-machine'],
      facts: { jurisdiction: 'cn-pipl' },
    };
    const implied = await disclose(body);
    expect(implied.statusCode).toBe(403);
    expect(refusalCodes(implied)).toEqual(['disclosure.separate-consent-required']);

    const compelled = await disclose({
      ...body,
      basis: 'legal-obligation',
      legalReference: 'Court order 2026-22',
    });
    expect(compelled.statusCode).toBe(200);
    expect(compelled.json()).toMatchObject({ basis: 'legal-obligation' });

    await record(subject, [
      { type: 'consent-given', purposes: ['miner-monitoring'], consentMode: 'separate' },
    ]);
    const consented = await disclose(body);
    expect(consented.statusCode).toBe(200);

    // Every decision is logged (entries made in the same millisecond have no set order).
    const log = await listDisclosures(t.store.db, {
      recipient: 'business-partners',
      subjectHash: await subjectHash(subject),
    });
    expect(log.map((d) => [d.allowed, d.basis, d.legalReference ?? null, [...d.codes]])).toEqual(
      expect.arrayContaining([
        [false, 'consent', null, ['disclosure.separate-consent-required']],
        [true, 'legal-obligation', 'Court order 2026-22', []],
        [true, 'consent', null, []],
      ]),
    );
    expect(log).toHaveLength(3);
  });

  it('P0-24: business partners get account, operational and log data for the requested service, nothing else', async () => {
    const subject = 'p024-canary';
    await use(subject);
    await record(subject, [
      { type: 'consent-given', purposes: ['miner-monitoring'], consentMode: 'separate' },
    ]);
    const ask = (purpose: string, categories: string[]) =>
      disclose({
        subject,
        recipient: 'business-partners',
        purpose,
        categories,
        facts: { jurisdiction: 'cn-pipl' },
      });
    const needed = [
      'account-id',
      'email',
      'mining-machine',
      'mining-pool',
      'ip-address',
      'service-usage-log',
    ];
    expect((await ask('miner-monitoring', needed)).statusCode).toBe(200);
    for (const category of ['feedback', 'support-request', 'email-engagement', 'local-storage-data']) {
      const res = await ask('miner-monitoring', ['account-id', category]);
      expect(res.statusCode, category).toBe(403);
      expect(refusalCodes(res), category).toContain('disclosure.category-not-declared');
    }
    const marketing = await ask('marketing-emails', ['email']);
    expect(marketing.statusCode).toBe(403);
    expect(refusalCodes(marketing)).toContain('disclosure.purpose-not-declared');
  });

  it('P0-27: personal data is publicly disclosed only under a logged legal requirement', async () => {
    const subject = 'p027-canary';
    await use(subject);
    const body = { subject, recipient: 'public', purpose: 'legal-compliance', categories: ['name'] };
    const plain = await disclose(body);
    expect(plain.statusCode).toBe(403);

    const noReference = await disclose({ ...body, basis: 'legal-obligation' });
    expect(noReference.statusCode).toBe(400);
    expect(JSON.stringify(noReference.json())).toContain('legalReference');

    const compelled = await disclose({
      ...body,
      basis: 'legal-obligation',
      legalReference: 'Court judgment 2026-27',
    });
    expect(compelled.statusCode).toBe(200);
    const log = await listDisclosures(t.store.db, {
      recipient: 'public',
      subjectHash: await subjectHash(subject),
    });
    expect(log.filter((d) => d.allowed)).toEqual([
      expect.objectContaining({ basis: 'legal-obligation', legalReference: 'Court judgment 2026-27' }),
    ]);
    expect(log.filter((d) => !d.allowed)).toHaveLength(1);
  });

  it('P0-27: administrative and judicial authorities receive data only under a named legal obligation, never on consent', async () => {
    const subject = 'p027-authority-canary';
    await use(subject);
    const body = { subject, recipient: 'authorities', purpose: 'legal-compliance', categories: ['email'] };
    const onConsent = await disclose(body);
    expect(onConsent.statusCode).toBe(403);
    expect(JSON.stringify(onConsent.json())).toContain('disclosure.authority-needs-legal-obligation');
    const compelled = await disclose({
      ...body,
      basis: 'legal-obligation',
      legalReference: 'Court order 2026-0042',
    });
    expect(compelled.statusCode).toBe(200);
    const log = await listDisclosures(t.store.db, {
      recipient: 'authorities',
      subjectHash: await subjectHash(subject),
    });
    expect(log.map((d) => [d.allowed, d.basis])).toEqual(
      expect.arrayContaining([
        [false, 'consent'],
        [true, 'legal-obligation'],
      ]),
    );
    expect(log).toHaveLength(2);
  });

  it('P0-38: under PIPL a transfer abroad waits for a separate consent; once made it must be recorded', async () => {
    const subject = 'p038-canary';
    await use(subject);
    const body = {
      subject,
      purpose: 'miner-monitoring',
      categories: ['mining-machine'],
      facts: { jurisdiction: 'cn-pipl' },
    };
    expect((await decide({ ...body, destinationCountry: 'CN' })).allowed).toBe(true);
    const abroad = await decide({ ...body, destinationCountry: 'US' });
    expect(abroad.allowed).toBe(false);
    expect(abroad.reasons).toEqual(['deny.separate-consent-required']);

    await record(subject, [
      { type: 'consent-given', purposes: ['miner-monitoring'], consentMode: 'separate' },
    ]);
    const consented = await decide({ ...body, destinationCountry: 'US' });
    expect(consented.allowed).toBe(true);
    expect(consented.obligations).toContainEqual(
      expect.objectContaining({ kind: 'record-transfer', country: 'US' }),
    );
  });

  it('P0-40: under 14 nothing is collected in any jurisdiction, and a guardian cannot consent it in', async () => {
    const subject = 'p040-canary';
    await use(subject);
    await record(subject, [{ type: 'guardian-consent' }]);
    for (const jurisdiction of ['cn-pipl', 'eu-gdpr', 'us-ca-ccpa']) {
      for (const purpose of ['registration', 'miner-monitoring', 'feedback', 'technical-support']) {
        const child = await decide({
          subject,
          purpose,
          categories: categoriesOf(purpose).slice(0, 2),
          facts: { jurisdiction, age: 13 },
        });
        expect(child.allowed, `${jurisdiction} ${purpose}`).toBe(false);
        expect(child.reasons, `${jurisdiction} ${purpose}`).toContain('deny.minor-barred');
      }
    }
    // Fourteen is not barred.
    const fourteen = await decide({
      subject,
      purpose: 'registration',
      categories: ['email'],
      facts: { jurisdiction: 'cn-pipl', age: 14 },
    });
    expect(fourteen.reasons).not.toContain('deny.minor-barred');
  });

  it('P0-42: a subject aged 14 to 17 is flagged for guardian guidance; an adult is not', async () => {
    const subject = 'p042-canary';
    await use(subject);
    const at = (age: number) =>
      decide({
        subject,
        purpose: 'registration',
        categories: ['email'],
        facts: { jurisdiction: 'cn-pipl', age },
      });
    for (const age of [14, 15, 17]) {
      const teen = await at(age);
      expect(teen.allowed, String(age)).toBe(true);
      expect(teen.obligations, String(age)).toContainEqual({ kind: 'guardian-guidance' });
    }
    const adult = await at(18);
    expect(adult.allowed).toBe(true);
    expect(adult.obligations).not.toContainEqual({ kind: 'guardian-guidance' });
  });

  it('P0-51: for EEA users each purpose runs on its XI legal basis, and a purpose with no basis is blocked', async () => {
    const subject = 'p051-canary';
    const facts = { jurisdiction: 'eu-gdpr' };
    // Section XI: Items 1 to 5 contract; Item 6 consent (personalisation) or legitimate interest
    // (improvement, feedback); Item 7 legitimate interest.
    const xi: Record<string, string> = {
      'browse-website': 'contract',
      registration: 'contract',
      'miner-monitoring': 'contract',
      'service-notifications': 'contract',
      'technical-support': 'contract',
      personalisation: 'consent',
      'service-improvement': 'legitimate-interests',
      feedback: 'legitimate-interests',
      'legal-compliance': 'legitimate-interests',
    };
    for (const [purpose, basis] of Object.entries(xi)) {
      const decision = await decide({ subject, purpose, categories: categoriesOf(purpose), facts });
      expect(decision.legalBasis, purpose).toBe(basis);
      if (basis === 'consent') {
        expect(decision.allowed, purpose).toBe(false);
        expect(decision.reasons, purpose).toContain('deny.no-consent');
      } else {
        expect(decision, purpose).toMatchObject({ allowed: true, reasons: [`ok.${basis}`] });
      }
    }
    const unmapped = await decide({ subject, purpose: 'advertising', categories: ['cookie-id'], facts });
    expect(unmapped.allowed).toBe(false);
    expect(unmapped.reasons).toContain('deny.unknown-purpose');
    expect(unmapped.legalBasis).toBeUndefined();
  });
});
