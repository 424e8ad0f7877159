import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { zhCN } from '../src/i18n/zh-CN.js';
import { buildPolicyDocument, renderPolicy } from '../src/index.js';
import { FULL_YAML, htmlText, manifestFrom, markdownText } from './fixture.js';

const ORIGINAL = 'jurisdictions: [eu-gdpr, uk-gdpr, us-ca-ccpa, cn-pipl]';

/** The full fixture addressing other laws instead. */
function addressing(keys: string): ReturnType<typeof manifestFrom> {
  return manifestFrom(FULL_YAML.replace(ORIGINAL, `jurisdictions: [${keys}]`));
}

describe('sections of the US state laws, India and Brazil', () => {
  it('a manifest naming the new keys validates and renders their sections in both languages', () => {
    const manifest = addressing('us-co-cpa, us-va-vcdpa, in-dpdp, br-lgpd');
    expect(manifest.policy.jurisdictions).toEqual(['us-co-cpa', 'us-va-vcdpa', 'in-dpdp', 'br-lgpd']);
    for (const [lang, table] of [
      ['en', en],
      ['zh-CN', zhCN],
    ] as const) {
      const ids = buildPolicyDocument(manifest, lang).sections.map((s) => s.id);
      expect(ids).toEqual(expect.arrayContaining(['us-states', 'india', 'brazil']));
      expect(ids).not.toContain('california');
      const md = markdownText(renderPolicy(manifest, { format: 'md', lang }));
      const html = htmlText(renderPolicy(manifest, { format: 'html', lang }));
      for (const key of ['section.usStates', 'section.india', 'section.brazil'] as const) {
        expect(md).toContain(`## ${table[key]}`);
        expect(html).toContain(table[key]);
      }
      expect(md).toContain(table['jurisdiction.us-co-cpa']);
      expect(md).toContain(table['india.children']);
      expect(md).toContain(table['brazil.minors']);
    }
  });

  it('the state section lists each appeal period and which states require honouring GPC', () => {
    const md = renderPolicy(addressing('us-co-cpa, us-tx-tdpsa, us-va-vcdpa'), { format: 'md', lang: 'en' });
    expect(md).toContain('Colorado (CPA): 45 days');
    expect(md).toContain('Virginia (VCDPA): 60 days');
    // The fixture honours GPC; Virginia sets no signal duty, so it is not named.
    expect(md).toContain('The laws of Colorado (CPA), Texas (TDPSA) require this.');
    expect(md).not.toMatch(/Virginia \(VCDPA\)[^\n]*require this/);
    // The fixture lets children under 14 in with a guardian's consent: COPPA's rules apply.
    expect(md).toContain(en['usStates.coppa']);
  });

  it('says nothing of COPPA when children are barred, nor of GPC when the policy is silent on it', () => {
    const yaml = FULL_YAML.replace(ORIGINAL, 'jurisdictions: [us-tx-tdpsa]')
      .replace('rules: [{ below: 14, rule: guardian-consent }]', 'rules: [{ below: 16, rule: barred }]')
      .replace('signals: { doNotTrack: true, globalPrivacyControl: true }', 'signals: { doNotTrack: true }');
    const md = renderPolicy(manifestFrom(yaml), { format: 'md', lang: 'en' });
    expect(md).toContain(en['section.usStates']);
    expect(md).not.toContain(en['usStates.coppa']);
    expect(md).not.toContain('Global Privacy Control as a valid request');
    expect(md).not.toContain('does not commit to honouring universal opt-out signals');
  });

  it('a policy that addresses no new law renders none of their sections', () => {
    const ids = buildPolicyDocument(manifestFrom(FULL_YAML), 'en').sections.map((s) => s.id);
    expect(ids).not.toContain('us-states');
    expect(ids).not.toContain('india');
    expect(ids).not.toContain('brazil');
  });
});
