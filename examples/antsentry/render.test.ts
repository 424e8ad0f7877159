import { readFileSync } from 'node:fs';
import { parseManifest } from '@pledge/core';
import { describe, expect, it } from 'vitest';
import {
  describeManifestCoverage,
  htmlRow,
  mdRow,
  mdSection,
  renderBoth,
} from '../../packages/render/test/example-checks.js';

// Expectations below come from the seed (seeds/antsentry-privacy-policy.txt;
// reference/seed-promises.md seed 000), not from the manifest: Google Analytics for log
// data, Do Not Track honoured, under-14s barred, EEA legal bases (contract for items 1-5,
// consent or legitimate interest for item 6, legitimate interest for item 7), California
// opt-out of sale/share, an "Unsubscribe" feature in each email.

const loaded = parseManifest(readFileSync(new URL('./pledge.yaml', import.meta.url), 'utf8'), {
  file: 'examples/antsentry/pledge.yaml',
});
if (!loaded.ok) throw new Error(`antsentry manifest does not load: ${JSON.stringify(loaded.issues)}`);
const manifest = loaded.manifest;
const en = renderBoth(manifest, 'en');
const zh = renderBoth(manifest, 'zh-CN');

describe('antsentry policy rendering: seed disclosures (en)', () => {
  it('discloses Google Analytics as a recipient of log data, for analysis', () => {
    const row = mdRow(mdSection(en.mdText, 'Who we share it with'), 'Google Analytics');
    expect(row).toBeDefined();
    expect(row).toMatch(/analy/i);
    expect(row).toMatch(/IP address/);
    expect(htmlRow(en.html, 'Google Analytics')).toBeDefined();
  });

  it('honours Do Not Track', () => {
    expect(mdSection(en.mdText, 'Cookies, similar technologies and browser signals')).toContain(
      'Do Not Track: we honour the Do Not Track signal',
    );
    expect(en.htmlText).toContain('Do Not Track: we honour the Do Not Track signal');
  });

  it('bars children under 14', () => {
    expect(mdSection(en.mdText, 'Children')).toContain('Under 14: may not use the service');
  });

  it('gives the EEA legal bases: contract, consent and legitimate interest', () => {
    const eea = mdSection(en.mdText, 'If you are in the EEA or the United Kingdom');
    expect(eea).toMatch(/\| [^|]*contract[^|]* \|/i);
    expect(eea).toMatch(/legitimate interest/i);
    expect(eea).toMatch(/\| Consent \|/);
  });

  it('lets California residents opt out of the sale or sharing of personal information', () => {
    const california = mdSection(en.mdText, 'If you live in California');
    expect(california).toMatch(/opt out of the sale or sharing/i);
    expect(mdSection(en.mdText, 'Your rights')).toMatch(
      /### Opt out of the sale or sharing of your personal data — California/,
    );
  });

  it('tells how to unsubscribe from promotional email', () => {
    expect(mdSection(en.mdText, 'Why we use your personal data')).toMatch(/How to opt out:[^\n]*Unsubscribe/);
  });
});

describe('antsentry policy rendering: seed disclosures (zh-CN)', () => {
  it('uses the Chinese headings', () => {
    for (const heading of [
      '我们收集哪些个人信息',
      'Cookie、同类技术和浏览器信号',
      '您的权利',
      '欧洲经济区和英国用户的补充说明',
      '美国加利福尼亚州居民的补充说明',
    ]) {
      expect(zh.md).toContain(`## ${heading}`);
      expect(zh.html).toContain(`>${heading}</h2>`);
    }
  });

  it('states Google Analytics, Do Not Track, the under-14 bar and the California opt-out in Chinese', () => {
    expect(mdRow(mdSection(zh.mdText, '我们与谁共享您的个人信息'), 'Google Analytics')).toBeDefined();
    expect(zh.mdText).toContain('我们尊重您的浏览器发送的“请勿追踪”信号');
    expect(zh.mdText).toContain('未满14周岁：不得使用本服务');
    expect(mdSection(zh.mdText, '美国加利福尼亚州居民的补充说明')).toContain('拒绝出售或共享');
  });

  it('names the EEA legal bases and the unsubscribe channel in Chinese', () => {
    const eea = mdSection(zh.mdText, '欧洲经济区和英国用户的补充说明');
    expect(eea).toContain('订立或履行合同所必需');
    expect(eea).toContain('正当利益');
    expect(mdSection(zh.mdText, '我们为何使用您的个人信息')).toMatch(/如何退出[^\n]*退订/);
  });
});

describeManifestCoverage('antsentry', manifest);
