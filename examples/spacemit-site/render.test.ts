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

// Expectations below come from the seed (seeds/spacemit-website-privacy-policy.txt;
// reference/seed-promises.md seed 002), not from the manifest: Baidu statistics as a
// third-party SDK, a reply within 15 working days, guardian consent under 14, storage
// in the People's Republic of China.

const loaded = parseManifest(readFileSync(new URL('./pledge.yaml', import.meta.url), 'utf8'), {
  file: 'examples/spacemit-site/pledge.yaml',
});
if (!loaded.ok) throw new Error(`spacemit-site manifest does not load: ${JSON.stringify(loaded.issues)}`);
const manifest = loaded.manifest;
const en = renderBoth(manifest, 'en');
const zh = renderBoth(manifest, 'zh-CN');

describe('spacemit-site policy rendering: seed disclosures (en)', () => {
  it('discloses Baidu statistics with its company and purpose', () => {
    const row = mdRow(mdSection(en.mdText, 'Who we share it with'), 'Baidu statistics');
    expect(row).toBeDefined();
    expect(row).toContain('Beijing Baidu Netcom Technology');
    expect(row).toMatch(/web pages/i);
    expect(htmlRow(en.html, 'Baidu statistics')).toBeDefined();
  });

  it('replies within 15 working days', () => {
    expect(mdSection(en.mdText, 'Your rights')).toContain('We reply within 15 working days');
  });

  it('requires guardian consent under 14', () => {
    expect(mdSection(en.mdText, 'Children')).toContain(
      'Under 14: only with the consent of a parent or guardian',
    );
  });

  it('stores personal data in China', () => {
    expect(mdSection(en.mdText, 'Where it is stored and transfers')).toContain(
      'We store personal data in: China.',
    );
  });
});

describe('spacemit-site policy rendering: seed disclosures (zh-CN)', () => {
  it('uses the Chinese headings', () => {
    for (const heading of [
      '我们收集哪些个人信息',
      '我们与谁共享您的个人信息',
      '您的权利',
      '未成年人保护',
      '个人信息的存储地点和跨境传输',
    ]) {
      expect(zh.md).toContain(`## ${heading}`);
      expect(zh.html).toContain(`>${heading}</h2>`);
    }
  });

  it('states Baidu statistics, 15 working days, the under-14 rule and China storage in Chinese', () => {
    const row = mdRow(mdSection(zh.mdText, '我们与谁共享您的个人信息'), '百度统计');
    expect(row).toBeDefined();
    expect(row).toContain('北京百度网讯科技有限公司');
    expect(mdSection(zh.mdText, '您的权利')).toContain('15个工作日内答复');
    expect(zh.mdText).toContain('未满14周岁：须取得父母或其他监护人的同意');
    expect(zh.mdText).toContain('我们将个人信息存储在：中国。');
  });
});

describeManifestCoverage('spacemit-site', manifest);
