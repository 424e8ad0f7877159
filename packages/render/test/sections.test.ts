import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { zhCN } from '../src/i18n/zh-CN.js';
import { buildPolicyDocument, renderPolicy } from '../src/index.js';
import { FULL_YAML, htmlText, manifestFrom, markdownText } from './fixture.js';

const manifest = manifestFrom(FULL_YAML);
const SECTION_KEYS = [
  'section.contact',
  'section.collection',
  'section.purposes',
  'section.sharing',
  'section.cookies',
  'section.permissions',
  'section.retention',
  'section.transfers',
  'section.rights',
  'section.children',
  'section.security',
  'section.breach',
  'section.changes',
  'section.complaints',
  'section.eea',
  'section.california',
  'section.china',
] as const;

describe('renderPolicy sections', () => {
  it.each([
    ['en', en],
    ['zh-CN', zhCN],
  ] as const)('renders every section, in order, in %s', (lang, table) => {
    const doc = buildPolicyDocument(manifest, lang);
    expect(doc.sections.map((s) => s.title)).toEqual(SECTION_KEYS.map((key) => table[key]));
    const md = renderPolicy(manifest, { format: 'md', lang });
    const html = renderPolicy(manifest, { format: 'html', lang });
    for (const key of SECTION_KEYS) {
      expect(md).toContain(`## ${table[key]}`);
      expect(htmlText(html)).toContain(table[key]);
    }
  });

  it('states what the manifest says, in English', () => {
    const md = markdownText(renderPolicy(manifest, { format: 'md', lang: 'en' }));
    expect(md).toContain('Demo Ltd is responsible');
    expect(md).toContain('[privacy@example.com](<mailto:privacy@example.com>)');
    expect(md).toContain('Jane Roe');
    expect(md).toContain(
      '| Precise location | not stated | Collected automatically | Optional | Sensitive |',
    );
    expect(md).toContain('Email address: We cannot create your account.');
    expect(md).toContain('Generally: Consent; EEA (GDPR): Legitimate interests');
    expect(md).toContain(
      'Generally: Your explicit consent before we start; Mainland China (PIPL): A separate consent of its own',
    );
    expect(md).toContain('How to opt out:** Other: Unsubscribe link in every email');
    expect(md).toContain('[https://policies.google.com/privacy](<https://policies.google.com/privacy>)');
    expect(md).toContain('| Google LLC |');
    expect(md).toContain('Do Not Track: we honour');
    expect(md).toContain('`android.permission.ACCESS_FINE_LOCATION`');
    expect(md).toContain('3 years from account closure');
    expect(md).toContain('Tax law. Personal data concerned: Email address. Kept for up to 5 years.');
    expect(md).toContain('We store personal data in: China.');
    expect(md).toContain('Personal information collected in mainland China: stays in China.');
    expect(md).toContain(
      'We complete your request within 15 working days from the later of receipt and identity verification',
    );
    expect(md).toContain('We may extend it by up to 15 working days, when complex requests');
    expect(md).toContain('Under 14: only with the consent of a parent or guardian.');
    expect(md).toContain('Access logs are reviewed every 3 months.');
    expect(md).toContain('**Deadline:** Within 72 hours');
    expect(md).toContain('**Notice of material changes:** At least 30 days before they take effect');
    expect(md).toContain('Cyberspace Administration of China');
    expect(md).toContain('We sell or share personal information for these purposes');
    expect(md).toContain('Demo EU BV');
  });

  it('says "not stated" where the policy is silent on what the law expects', () => {
    const doc = buildPolicyDocument(manifest, 'en');
    const rights = doc.sections.find((s) => s.id === 'your-rights');
    const erasure = rights?.subsections.find((s) => s.title === en['right.erasure']);
    const block = erasure?.blocks.find((b) => b.kind === 'fields');
    const fields = block?.kind === 'fields' ? block.items : [];
    const value = (label: string) => fields.find((f) => f.label === label)?.value.join('');
    expect(value(en['rights.deadline'])).toBe(en['common.notStated']);
    expect(value(en['rights.fee'])).toBe(en['common.notStated']);
    expect(value(en['rights.verification'])).toBe(en['common.notStated']);
    const retention = markdownText(renderPolicy(manifest, { format: 'md', lang: 'en' }));
    expect(retention).toContain(
      '| Precise location | not stated | Deleted | As long as the purpose needs it. |',
    );
  });

  it('renders the same facts in Simplified Chinese', () => {
    const md = markdownText(renderPolicy(manifest, { format: 'md', lang: 'zh-CN' }));
    expect(md).toContain('# 演示隐私政策');
    expect(md).toContain('演示有限公司是本政策所述个人信息处理活动的负责方。');
    expect(md).toContain('我们将自收到请求和完成身份验证两者中较晚者起15个工作日内处理完毕');
    expect(md).toContain('未满14周岁：须取得父母或其他监护人的同意。');
    expect(md).toContain('我们将个人信息存储在：中国。');
    expect(md).toContain('自账户注销起3年');
    expect(md).toContain('国家网信部门');
    expect(md).toContain('| 精确位置 | 未说明 | 自动收集 | 可选 | 敏感个人信息 |');
  });

  it('skips sections with nothing to say and jurisdictions the policy does not address', () => {
    const bare = manifestFrom(
      FULL_YAML.replace(
        'jurisdictions: [eu-gdpr, uk-gdpr, us-ca-ccpa, cn-pipl]',
        'jurisdictions: [br-lgpd]',
      ).replace(/permissions:\n {2}- \{[^\n]*\n/, ''),
    );
    const ids = buildPolicyDocument(bare, 'en').sections.map((s) => s.id);
    expect(ids).not.toContain('device-permissions');
    expect(ids).not.toContain('eea-uk');
    expect(ids).not.toContain('california');
    expect(ids).not.toContain('china');
    expect(ids).toContain('your-rights');
  });
});
