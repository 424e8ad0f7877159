import type { TaxonomyEntry } from '../types.js';
import { dpv, type EntryOptions, entry, gdpr } from './define.js';

const basis = (key: string, en: string, zh: string, iri: string, options?: EntryOptions) =>
  entry('legal-basis', key, en, zh, iri, options);
const PLEDGE = { origin: 'pledge', broader: true } as const;

/**
 * The `LegalBasis` values of the manifest schema. The six GDPR Art. 6(1) bases carry their
 * fideslang `LegalBasisForProcessingEnum` label and DPV EU-GDPR IRI; the others come from PIPL
 * Art. 13, LGPD Art. 7 and the CCPA, which fideslang does not model.
 */
export const legalBases: TaxonomyEntry[] = [
  basis('consent', 'Consent', '同意', dpv('Consent'), { fideslang: 'Consent', dpvLegal: gdpr('A6-1-a') }),
  basis('contract', 'Performance of a contract', '订立或履行合同所必需', dpv('Contract'), {
    fideslang: 'Contract',
    dpvLegal: gdpr('A6-1-b'),
  }),
  basis('legal-obligation', 'Legal obligation', '履行法定职责或法定义务所必需', dpv('LegalObligation'), {
    fideslang: 'Legal obligations',
    dpvLegal: gdpr('A6-1-c'),
  }),
  basis('vital-interests', 'Vital interests', '保护重要利益所必需', dpv('VitalInterest'), {
    fideslang: 'Vital interests',
    dpvLegal: gdpr('A6-1-d'),
  }),
  basis('public-task', 'Public task', '执行公共任务所必需', dpv('OfficialAuthorityOfController'), {
    fideslang: 'Public interest',
    dpvLegal: gdpr('A6-1-e'),
  }),
  basis('legitimate-interests', 'Legitimate interests', '正当利益', dpv('LegitimateInterest'), {
    fideslang: 'Legitimate interests',
    dpvLegal: gdpr('A6-1-f'),
  }),
  basis('employment', 'Human-resources management (PIPL)', '实施人力资源管理所必需', dpv('Contract'), PLEDGE),
  basis(
    'public-health-emergency',
    'Public-health emergency or protection of life, health and property',
    '应对突发公共卫生事件或紧急情况下保护生命健康和财产安全所必需',
    dpv('VitalInterest'),
    PLEDGE,
  ),
  basis(
    'news-reporting',
    'News reporting in the public interest',
    '为公共利益实施新闻报道、舆论监督',
    dpv('PublicInterest'),
    PLEDGE,
  ),
  basis(
    'publicly-disclosed',
    'Information already lawfully disclosed',
    '处理已经合法公开的个人信息',
    dpv('LegalBasis'),
    PLEDGE,
  ),
  basis('credit-protection', 'Credit protection (LGPD)', '信用保护', dpv('LegalBasis'), PLEDGE),
  basis('research', 'Research by a research body', '研究机构开展研究', dpv('PublicInterest'), PLEDGE),
  basis(
    'legal-claims',
    'Exercise of rights in legal proceedings',
    '在诉讼或仲裁程序中行使权利',
    dpv('LegalBasis'),
    {
      ...PLEDGE,
      dpvLegal: gdpr('A9-2-f'),
    },
  ),
  basis(
    'business-purpose',
    'Business purpose (CCPA)',
    '商业目的（加州消费者隐私法）',
    dpv('LegalBasis'),
    PLEDGE,
  ),
];
