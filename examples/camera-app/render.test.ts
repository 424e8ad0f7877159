import { readFileSync } from 'node:fs';
import { parseManifest } from '@pledge/core';
import { renderPolicy } from '@pledge/render';
import { describe, expect, it } from 'vitest';
import {
  describeManifestCoverage,
  htmlRow,
  mdRow,
  mdSection,
  renderBoth,
} from '../../packages/render/test/example-checks.js';

// Expectations below are copied from the seed (seeds/camera-app-privacy-policy.txt,
// "Eight. Third-party SDK access" and "Nine, permission acquisition instructions";
// reference/seed-promises.md seed 001), not from the manifest.
const SEED_SDKS: Array<{ name: string; url?: string; purpose: RegExp }> = [
  { name: 'WeChat login', url: 'https://www.wechat.com/zh_cn/privacy_policy.html', purpose: /log ?in/i },
  { name: 'Facebook login', url: 'https://zh-cn.facebook.com/policy.php', purpose: /log ?in/i },
  { name: 'Line login', url: 'https://www.talkline.cn/privacy', purpose: /log ?in/i },
  { name: 'Huawei Push', url: 'https://www.huawei.com/cn/privacy-policy/', purpose: /push/i },
  { name: 'Tencent Bugly', url: 'http://bugly.qq.com/v2/contract', purpose: /crash/i },
  { name: 'BeiZi', url: 'http://sdkdoc.beizi.biz/#/zh-cn/guide/UsePrivacy', purpose: /advertis/i },
  { name: 'Pangolin', url: 'https://www.pangle.cn/privacy?from=ad.oceanengine.com', purpose: /advertis/i },
  {
    name: 'Youlianghui',
    url: 'https://imgcache.qq.com/gdt/cdn/adn/uniondoc/ylh_sdk_privacy_statement.html',
    purpose: /advertis/i,
  },
  { name: 'Baiqingteng', url: 'https://union.baidu.com/bqt/#/legal/policies', purpose: /push/i },
  { name: 'Kuaishou', url: 'https://www.kuaishou.com/about/policy?tab=privacy', purpose: /advertis/i },
  { name: 'inmobi', url: 'https://www.inmobi.cn/privacy-policy/', purpose: /advertis/i },
  { name: 'ZXing', purpose: /QR code/i },
];

const SEED_ANDROID_PERMISSIONS = [
  'READ_EXTERNAL_STORAGE',
  'WRITE_EXTERNAL_STORAGE',
  'CAMERA',
  'RECORD_AUDIO',
  'RECORD_VIDEO',
  'INTERNET',
  'ACCESS_NETWORK_STATE',
  'CHANGE_NETWORK_STATE',
  'ACCESS_WIFI_STATE',
  'CHANGE_WIFI_STATE',
  'CHANGE_WIFI_MULTICAST_STATE',
  'WAKE_LOCK',
  'BLUETOOTH',
  'BLUETOOTH_ADMIN',
  'CHANGE_CONFIGURATION',
  'DISABLE_KEYGUARD',
  'FLASHLIGHT',
  'MODIFY_AUDIO_SETTINGS',
  'WRITE_SETTINGS',
  'OVERRIDE_WIFI_CONFIG',
  'ACCESS_FINE_LOCATION',
  'VIBRATE',
  'WRITE_SYNC_SETTINGS',
  'FOREGROUND_SERVICE',
  'SYSTEM_ALERT_WINDOW',
  'getInstalledPackages',
];

// The seed's iOS permission table: what each permission is for.
const SEED_IOS_USES = [
  /hotspot/i,
  /network configuration/i,
  /QR code/i,
  /alarm push/i,
  /network access/i,
  /ad attribution/i,
  /intercom/i,
  /screenshot/i,
];

const loaded = parseManifest(readFileSync(new URL('./pledge.yaml', import.meta.url), 'utf8'), {
  file: 'examples/camera-app/pledge.yaml',
});
if (!loaded.ok) throw new Error(`camera-app manifest does not load: ${JSON.stringify(loaded.issues)}`);
const manifest = loaded.manifest;
const en = renderBoth(manifest, 'en');
const zh = renderBoth(manifest, 'zh-CN');

describe('camera-app policy rendering: seed disclosures (en)', () => {
  const sharing = mdSection(en.mdText, 'Who we share it with');

  it.each(SEED_SDKS)('lists the $name SDK with its privacy link and purpose', ({ name, url, purpose }) => {
    const row = mdRow(sharing, name);
    expect(row, name).toBeDefined();
    expect(row).toMatch(purpose);
    const html = htmlRow(en.html, name);
    expect(html, name).toBeDefined();
    if (url) {
      expect(en.md).toContain(`](<${url}>)`);
      expect(row).toContain(url);
      expect(html).toContain(`href="${url}"`);
    } else {
      // The seed gives ZXing no privacy address: the privacy column (the last) says so.
      expect(row?.trimEnd().endsWith('| not stated |')).toBe(true);
    }
  });

  it('lists every Android permission of the seed', () => {
    const permissions = mdSection(en.mdText, 'Device permissions');
    for (const name of SEED_ANDROID_PERMISSIONS) expect(permissions, name).toContain(name);
  });

  it('says what each iOS permission is for', () => {
    const permissions = mdSection(en.mdText, 'Device permissions');
    const ios = permissions.slice(permissions.indexOf('### iOS'));
    for (const use of SEED_IOS_USES) expect(ios).toMatch(use);
  });

  it('answers requests within 15 days of the later of receipt and identity verification', () => {
    const rights = mdSection(en.mdText, 'Your rights');
    expect(rights).toContain('15 days from the later of receipt and identity verification');
  });

  it('requires guardian consent under 18', () => {
    expect(mdSection(en.mdText, 'Children')).toMatch(
      /Under 18: only with the consent of a parent or guardian/,
    );
  });

  it('keeps personal information collected in China in China', () => {
    const storage = mdSection(en.mdText, 'Where it is stored and transfers');
    expect(storage).toMatch(/collected in China[^\n]*stays in China/);
  });

  it('renders an identical HTML document twice', () => {
    expect(renderPolicy(manifest, { format: 'html', lang: 'en' })).toBe(en.html);
  });
});

describe('camera-app policy rendering: seed disclosures (zh-CN)', () => {
  it('uses the Chinese headings', () => {
    for (const heading of [
      '我们收集哪些个人信息',
      '我们与谁共享您的个人信息',
      '设备权限',
      '您的权利',
      '未成年人保护',
    ]) {
      expect(zh.md).toContain(`## ${heading}`);
      expect(zh.html).toContain(`>${heading}</h2>`);
    }
  });

  it('keeps every SDK privacy link', () => {
    for (const { url } of SEED_SDKS) if (url) expect(zh.md).toContain(`](<${url}>)`);
  });

  it('states 15 days, the guardian rule under 18 and China localisation in Chinese', () => {
    expect(zh.mdText).toContain('起15天内');
    expect(zh.mdText).toContain('未满18周岁：须取得父母或其他监护人的同意');
    expect(mdSection(zh.mdText, '个人信息的存储地点和跨境传输')).toMatch(/中国[^\n]*存储在中国境内/);
  });

  it('names the SDK companies in Chinese', () => {
    const sharing = mdSection(zh.mdText, '我们与谁共享您的个人信息');
    for (const name of ['腾讯', '华为', '百度']) expect(sharing).toContain(name);
  });
});

describeManifestCoverage('camera-app', manifest);
