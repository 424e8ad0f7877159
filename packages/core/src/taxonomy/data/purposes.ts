import type { TaxonomyEntry } from '../types.js';
import { BROADER, deprecated, dpv, purpose as p } from './define.js';

const PLEDGE = { origin: 'pledge' } as const;

/** fideslang data uses (purposes), mapped to DPV purposes, plus two Pledge additions. */
export const purposes: TaxonomyEntry[] = [
  p('analytics', 'Analytics', '统计分析', dpv('ServiceUsageAnalytics'), BROADER),
  p('analytics.reporting', 'Analytics for reporting', '统计报告', dpv('ServiceUsageAnalytics')),
  p(
    'analytics.reporting.ad_performance',
    'Advertising performance analytics',
    '广告效果分析',
    dpv('ServiceUsageAnalytics'),
    BROADER,
  ),
  p(
    'analytics.reporting.content_performance',
    'Content performance analytics',
    '内容效果分析',
    dpv('ServiceUsageAnalytics'),
    BROADER,
  ),
  p('analytics.reporting.campaign_insights', 'Campaign insights', '营销活动洞察', dpv('Marketing'), BROADER),
  p(
    'analytics.reporting.system',
    'System activity analytics',
    '系统活动分析',
    dpv('ServiceUsageAnalytics'),
    BROADER,
  ),
  p(
    'analytics.reporting.system.performance',
    'System performance analytics',
    '系统性能分析',
    dpv('ServiceOptimisation'),
    BROADER,
  ),

  p('collect', 'Collect for a purpose not yet defined', '收集（用途尚未确定）', dpv('Purpose'), BROADER),

  p('employment', 'Employment and human resources', '人力资源管理', dpv('HumanResourceManagement')),
  p('employment.recruitment', 'Recruitment', '招聘', dpv('PersonnelHiring')),

  p('essential', 'Essential operation of the service', '提供服务所必需', dpv('ServiceProvision'), BROADER),
  p('essential.fraud_detection', 'Fraud detection', '欺诈检测与防范', dpv('FraudPreventionAndDetection')),
  p('essential.legal_obligation', 'Legal obligation', '履行法定义务', dpv('LegalCompliance')),
  p(
    'essential.legal_obligation.rights_fulfillment',
    'Handling privacy-rights requests',
    '响应个人信息权利请求',
    dpv('RightsFulfillment'),
    {
      ...PLEDGE,
      fideslang: 'essential.legal_obligation',
    },
  ),
  p('essential.service', 'Providing the service', '提供基本服务', dpv('ServiceProvision')),
  p('essential.service.account_management', 'Account management', '账户管理', dpv('AccountManagement'), {
    ...PLEDGE,
    fideslang: 'essential.service',
  }),
  p('essential.service.authentication', 'Authentication', '身份认证', dpv('IdentityAuthentication')),
  p('essential.service.notifications', 'Service notifications', '服务通知', dpv('CommunicationManagement')),
  p(
    'essential.service.notifications.email',
    'Service notifications by email',
    '电子邮件服务通知',
    dpv('CommunicationManagement'),
    BROADER,
  ),
  p(
    'essential.service.notifications.sms',
    'Service notifications by SMS',
    '短信服务通知',
    dpv('CommunicationManagement'),
    BROADER,
  ),
  p('essential.service.operations', 'Service operations', '服务运营', dpv('TechnicalServiceProvision')),
  p('essential.service.operations.support', 'Customer support', '客户支持', dpv('CustomerCare')),
  p(
    'essential.service.operations.improve',
    'Improving support',
    '改进客户支持',
    dpv('CustomerCare'),
    BROADER,
  ),
  p('essential.service.payment_processing', 'Payment processing', '支付处理', dpv('PaymentManagement')),
  p('essential.service.security', 'Security', '安全保障', dpv('EnforceSecurity')),
  p('essential.service.upgrades', 'Service upgrades', '服务升级', dpv('ServiceProvision'), BROADER),

  p('finance', 'Finance and accounting', '财务与审计', dpv('OrganisationGovernance'), BROADER),

  p('functional', 'Functional', '功能性用途', dpv('ServiceProvision'), BROADER),
  p('functional.service', 'Service functions', '服务功能', dpv('ServiceProvision')),
  p(
    'functional.service.improve',
    'Improving the service',
    '改进产品和服务',
    dpv('ImproveExistingProductsAndServices'),
  ),
  p('functional.storage', 'Local data storage', '本地数据存储', dpv('TechnicalServiceProvision'), BROADER),
  p(
    'functional.storage.privacy_preferences',
    'Storing privacy preferences',
    '存储隐私偏好',
    dpv('LegalCompliance'),
    BROADER,
  ),

  p('marketing', 'Marketing', '营销', dpv('Marketing')),
  p('marketing.advertising', 'Advertising and promotion', '广告与推广', dpv('Advertising')),
  p(
    'marketing.advertising.first_party',
    'First-party advertising',
    '第一方广告',
    dpv('Advertising'),
    BROADER,
  ),
  p(
    'marketing.advertising.first_party.contextual',
    'Contextual advertising',
    '情境广告',
    dpv('Advertising'),
    BROADER,
  ),
  p(
    'marketing.advertising.first_party.targeted',
    'First-party targeted advertising',
    '第一方定向广告',
    dpv('TargetedAdvertising'),
  ),
  p(
    'marketing.advertising.frequency_capping',
    'Frequency capping',
    '广告频次控制',
    dpv('Advertising'),
    BROADER,
  ),
  p(
    'marketing.advertising.negative_targeting',
    'Negative targeting',
    '广告排除定向',
    dpv('Advertising'),
    BROADER,
  ),
  p(
    'marketing.advertising.profiling',
    'Profiling for advertising',
    '广告用户画像',
    dpv('PersonalisedAdvertising'),
  ),
  p('marketing.advertising.serving', 'Serving ads', '广告投放', dpv('Advertising')),
  p(
    'marketing.advertising.third_party',
    'Third-party advertising',
    '第三方广告',
    dpv('Advertising'),
    BROADER,
  ),
  p(
    'marketing.advertising.third_party.targeted',
    'Third-party targeted advertising',
    '第三方定向广告',
    dpv('TargetedAdvertising'),
  ),
  p('marketing.communications', 'Marketing communications', '营销信息推送', dpv('DirectMarketing')),
  p('marketing.communications.email', 'Marketing email', '电子邮件营销', dpv('DirectMarketing')),
  p('marketing.communications.sms', 'Marketing SMS', '短信营销', dpv('DirectMarketing')),

  p('operations', 'Business operations', '企业运营', dpv('OrganisationGovernance'), BROADER),

  p('personalize', 'Personalisation', '个性化', dpv('Personalisation')),
  p('personalize.content', 'Content personalisation', '内容个性化', dpv('ServicePersonalisation')),
  p(
    'personalize.content.limited',
    'Limited content personalisation',
    '有限的内容个性化',
    dpv('ServicePersonalisation'),
    BROADER,
  ),
  p(
    'personalize.content.profiling',
    'Profiling for personalisation',
    '个性化用户画像',
    dpv('ServicePersonalisation'),
    BROADER,
  ),
  p(
    'personalize.content.profiled',
    'Profile-based content',
    '基于画像的个性化推荐',
    dpv('ProvidePersonalisedRecommendations'),
  ),
  p(
    'personalize.profiling',
    'Profiling for personalisation',
    '个性化用户画像',
    dpv('ServicePersonalisation'),
    deprecated('personalize.content.profiling', BROADER),
  ),
  p('personalize.system', 'System personalisation', '系统个性化', dpv('UserInterfacePersonalisation')),

  p('sales', 'Sales', '销售', dpv('SellProductsToDataSubject')),

  p('third_party_sharing', 'Sharing with third parties', '向第三方提供', dpv('Purpose'), BROADER),
  p(
    'third_party_sharing.legal_obligation',
    'Sharing to meet a legal obligation',
    '因法定义务向第三方提供',
    dpv('LegalCompliance'),
  ),

  p('train_ai_system', 'Training AI systems', '训练人工智能系统', dpv('ResearchAndDevelopment'), BROADER),
];
