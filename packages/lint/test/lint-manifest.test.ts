import { describe, expect, it } from 'vitest';
import { exampleManifest, lintManifest } from '../src/index.js';
import { minorsThresholdBelowLaw } from '../src/rules/minors.threshold-below-law.js';
import type { ManifestPatch } from '../src/types.js';

const codesOf = (patch: ManifestPatch, code: string) =>
  lintManifest(exampleManifest(patch)).filter((issue) => issue.code === code);

describe('lintManifest', () => {
  it('sorts findings by path, numbering indexes naturally', () => {
    const issues = lintManifest(
      exampleManifest({
        policy: { jurisdictions: ['eu-gdpr', 'us-ca-ccpa'] },
        rights: [
          { right: 'limit-sensitive', deadline: null },
          { right: 'rectification', deadline: null },
          { right: 'access', deadline: null },
        ],
      }),
    );
    expect(issues.map((issue) => `${issue.code}@${issue.path}`)).toEqual([
      'rights.missing-deadline@rights[0]',
      'rights.missing-deadline@rights[2]',
      'rights.missing-deadline@rights[10]',
    ]);
  });

  it('never repeats a contact value in a message', () => {
    const issues = lintManifest(
      exampleManifest({ controller: { contacts: [{ id: 'privacy-email', value: 'jane.doe.private@' }] } }),
    );
    expect(issues.map((issue) => issue.code)).toContain('contact.placeholder');
    for (const issue of issues) expect(issue.message).not.toContain('jane');
  });

  it('does not change the manifest and gives the same result twice', () => {
    const manifest = exampleManifest({ breach: null, retention: { onCessation: 'unstated' } });
    const copy = structuredClone(manifest);
    const first = lintManifest(manifest);
    expect(lintManifest(manifest)).toEqual(first);
    expect(manifest).toEqual(copy);
  });
});

describe('rights.deadline-longer-than-law', () => {
  const withAccess = (deadline: { amount: number; unit: 'days' | 'weeks' | 'months' | 'working-days' }) =>
    codesOf(
      { policy: { jurisdictions: ['eu-gdpr', 'us-ca-ccpa'] }, rights: [{ right: 'access', deadline }] },
      'rights.deadline-longer-than-law',
    );

  it('allows deadlines that fit the shortest law whatever day the request arrives', () => {
    expect(withAccess({ amount: 15, unit: 'working-days' })).toEqual([]);
    expect(withAccess({ amount: 1, unit: 'months' })).toEqual([]);
  });

  it('reports 5 weeks under GDPR (one month) only, and 2 months under GDPR and the CCPA (45 days)', () => {
    const fiveWeeks = withAccess({ amount: 5, unit: 'weeks' });
    expect(fiveWeeks.map((i) => i.path)).toEqual(['rights[0].deadline']);
    expect(fiveWeeks[0]?.message).toContain('under eu-gdpr');
    const twoMonths = withAccess({ amount: 2, unit: 'months' }).map((i) => i.message);
    expect(twoMonths).toHaveLength(2);
    expect(twoMonths.some((m) => m.includes('under eu-gdpr'))).toBe(true);
    expect(twoMonths.some((m) => m.includes('under us-ca-ccpa'))).toBe(true);
  });

  it('does not compare against an engine default where the law only says "timely" (PIPL)', () => {
    const found = codesOf(
      {
        policy: { jurisdictions: ['cn-pipl'] },
        rights: [{ right: 'access', deadline: { amount: 30, unit: 'days' } }],
      },
      'rights.deadline-longer-than-law',
    );
    expect(found).toEqual([]);
  });

  it('LGPD: 15 days (Art. 19 II) bind confirmation and access only; erasure has no count to exceed (Art. 18 §4)', () => {
    const lgpd = (right: 'access' | 'erasure', amount: number) =>
      codesOf(
        { policy: { jurisdictions: ['br-lgpd'] }, rights: [{ right, deadline: { amount, unit: 'days' } }] },
        'rights.deadline-longer-than-law',
      );
    expect(lgpd('erasure', 20)).toEqual([]);
    const access = lgpd('access', 20);
    expect(access.map((i) => i.path)).toEqual(['rights[0].deadline']);
    expect(access[0]?.message).toContain('LGPD Art. 19 II');
    expect(lgpd('access', 15)).toEqual([]);
  });
});

describe('breach.no-authority', () => {
  it('names the Californian threshold: the Attorney General gets a copy only above 500 residents (§1798.82(f))', () => {
    const found = codesOf(
      { policy: { jurisdictions: ['us-ca-ccpa'] }, breach: { notifyAuthority: false } },
      'breach.no-authority',
    );
    expect(found.map((i) => i.message)).toEqual([
      expect.stringContaining('us-ca-ccpa (above 500 residents, Cal. Civ. Code §1798.82(f))'),
    ]);
  });
});

describe('minors rules', () => {
  it('UK: the age of 13 is UK GDPR Art. 8(1), in the finding and in the rule text', () => {
    const found = codesOf(
      {
        policy: { jurisdictions: ['uk-gdpr'] },
        minors: { rules: [{ below: 12, rule: 'guardian-consent' }] },
      },
      'minors.threshold-below-law',
    );
    expect(found.map((i) => i.message)).toEqual([expect.stringContaining('(UK GDPR Art. 8(1))')]);
    expect(minorsThresholdBelowLaw.why).toContain('13 under UK GDPR Art. 8(1)');
    expect(minorsThresholdBelowLaw.why).not.toContain('s.9');
  });

  it('checks the CCPA age only when a purpose sells, shares or targets ads', () => {
    const patch: ManifestPatch = {
      policy: { jurisdictions: ['us-ca-ccpa'] },
      minors: { rules: [{ below: 12, rule: 'barred' }] },
    };
    expect(codesOf(patch, 'minors.threshold-below-law')).toEqual([]);
    const selling = codesOf(
      { ...patch, purposes: [{ id: 'analytics', sale: true, consent: 'opt-out' }] },
      'minors.threshold-below-law',
    );
    expect(selling.map((i) => i.path)).toEqual(['minors.rules[0].below']);
  });

  it('points at the highest threshold and ignores guardian guidance', () => {
    const found = codesOf(
      {
        minors: {
          rules: [
            { below: 13, rule: 'barred' },
            { below: 14, rule: 'guardian-consent' },
            { below: 18, rule: 'guardian-guidance' },
          ],
        },
      },
      'minors.threshold-below-law',
    );
    expect(found.map((i) => i.path)).toEqual(['minors.rules[1].below']);
  });

  it('honours a rule limited to other jurisdictions', () => {
    const patch: ManifestPatch = {
      minors: { rules: [{ below: 16, rule: 'guardian-consent', jurisdictions: ['cn-pipl'] }] },
    };
    expect(codesOf(patch, 'minors.no-rule').map((i) => i.message)).toEqual([
      'eu-gdpr requires a guardian consent below age 16 but no minors rule applies there',
    ]);
  });
});

describe('legal bases', () => {
  it('accepts any basis where the law has no legal-basis model (CCPA)', () => {
    const patch: ManifestPatch = {
      policy: { jurisdictions: ['us-ca-ccpa'] },
      purposes: [{ id: 'service', legalBasis: 'legal-obligation' }],
    };
    expect(codesOf(patch, 'purpose.basis-not-valid-in-jurisdiction')).toEqual([]);
  });

  it('reports the override path when the override is the problem', () => {
    const found = codesOf(
      {
        policy: { jurisdictions: ['eu-gdpr', 'cn-pipl'] },
        purposes: [{ id: 'service', legalBasis: { default: 'contract', 'cn-pipl': 'legitimate-interests' } }],
      },
      'purpose.basis-not-valid-in-jurisdiction',
    );
    expect(found.map((i) => i.path)).toEqual(['purposes[0].legalBasis.cn-pipl']);
  });

  it('does not require separate consent for sensitive data on a contract basis without consent (PIPL Art. 13)', () => {
    const patch: ManifestPatch = {
      policy: { jurisdictions: ['cn-pipl'] },
      categories: [{ id: 'email', taxonomy: 'user.financial.bank_account' }],
    };
    expect(codesOf(patch, 'pipl.sensitive-without-separate-consent')).toEqual([]);
    const asked = codesOf(
      { ...patch, purposes: [{ id: 'service', consent: 'opt-in' }] },
      'pipl.sensitive-without-separate-consent',
    );
    expect(asked.map((i) => i.path)).toEqual(['purposes[0].consent.default']);
  });

  it('honours a manifest override of taxonomy sensitivity', () => {
    const patch: ManifestPatch = {
      categories: [{ id: 'usage', taxonomy: 'user.health', sensitive: false }],
      purposes: [{ id: 'analytics', consent: 'implied' }],
    };
    expect(codesOf(patch, 'consent.weaker-than-law')).toEqual([]);
  });
});

describe('transfers', () => {
  const localised = { region: 'CN', scope: 'Data collected in mainland China', categories: ['email'] };

  it('reports only transfers that may leave the localised region with its data', () => {
    const found = codesOf(
      {
        transfers: {
          localisation: [localised],
          transfers: [
            { id: 'from-de', from: 'DE', to: 'US', mechanisms: ['scc'] },
            { id: 'to-cn', to: 'CN', mechanisms: ['consent'] },
            { id: 'other-data', to: 'US', categories: ['usage'], mechanisms: ['scc'] },
            { id: 'any-data', to: 'SG', mechanisms: ['scc'] },
          ],
        },
      },
      'transfer.localisation-conflict',
    );
    expect(found.map((i) => i.path)).toEqual(['transfers.transfers[3]']);
  });

  it('exempts anonymised or legally required transfers from PIPL separate consent, and data not from China', () => {
    const found = codesOf(
      {
        policy: { jurisdictions: ['cn-pipl'] },
        transfers: {
          transfers: [
            { id: 'anon', to: 'US', mechanisms: ['anonymised'] },
            { id: 'law', to: 'US', mechanisms: ['legal-requirement'] },
            { id: 'us-data', from: 'US', to: 'DE', mechanisms: ['scc'] },
            { id: 'consent-only', to: 'US', mechanisms: ['consent', 'anonymised'] },
          ],
        },
      },
      'pipl.transfer-without-separate-consent',
    );
    expect(found.map((i) => i.path)).toEqual(['transfers.transfers[3].mechanisms']);
  });
});

describe('id.duplicate', () => {
  it('keeps each list its own namespace', () => {
    const patch: ManifestPatch = {
      retention: { legalHolds: [{ id: 'email', reason: 'Tax law', categories: ['email'] }] },
    };
    expect(codesOf(patch, 'id.duplicate')).toEqual([]);
  });
});

describe('rights.no-channel', () => {
  it('accepts a right when one of its channels is usable', () => {
    const patch: ManifestPatch = {
      controller: { contacts: [{ id: 'form', kind: 'web-form', value: '[]', uses: ['rights'] }] },
      rights: [{ right: 'access', channels: ['form', 'privacy-email'] }],
    };
    expect(codesOf(patch, 'rights.no-channel')).toEqual([]);
    expect(
      codesOf({ ...patch, rights: [{ right: 'access', channels: ['form'] }] }, 'rights.no-channel'),
    ).toHaveLength(1);
  });
});
