import { type Manifest, parseManifest } from '@pledge/core';

/** A small manifest that gives every section of the policy something to say. */
export const FULL_YAML = `
pledge: 1
policy:
  id: demo
  title: { en: Demo Privacy Policy, zh-CN: 演示隐私政策 }
  version: 1.2.0
  lastUpdated: 2024-03-01
  effectiveDate: 2024-03-15
  jurisdictions: [eu-gdpr, uk-gdpr, us-ca-ccpa, cn-pipl]
  services: [{ en: Demo app, zh-CN: 演示应用 }]
  useMeansAcceptance: continued-use-after-change
  changes:
    advanceNotice: { amount: 30, unit: days }
    channels: [email, site-notice]
    noRightsReductionWithoutConsent: true
controller:
  name: { en: Demo Ltd, zh-CN: 演示有限公司 }
  address: 1 Example Road
  country: CN
  contacts:
    - { id: mail, kind: email, value: privacy@example.com, uses: [general, rights, complaints] }
    - { id: dpo, kind: email, value: dpo@example.com, uses: [privacy-officer] }
    - { id: unsub, kind: other, value: Unsubscribe link in every email, uses: [marketing-opt-out] }
  privacyOfficer: { name: Jane Roe, contact: dpo }
  representatives: [{ region: EU, name: Demo EU BV, contact: mail }]
categories:
  - id: email
    taxonomy: user.contact.email
    name: { en: Email address, zh-CN: 电子邮件地址 }
    examples: [work email]
    source: voluntary
    required: true
    refusalEffect: We cannot create your account.
  - id: location
    taxonomy: user.location.precise
    name: { en: Precise location, zh-CN: 精确位置 }
    source: automatic
    required: false
purposes:
  - id: account
    taxonomy: essential.service
    name: { en: Run your account, zh-CN: 运营您的账户 }
    categories: [email]
    legalBasis: { default: contract, cn-pipl: contract }
    consent: none
  - id: ads
    taxonomy: marketing.advertising
    name: { en: Show ads, zh-CN: 展示广告 }
    categories: [email, location]
    legalBasis: { default: consent, eu-gdpr: legitimate-interests }
    consent: { default: opt-in, cn-pipl: separate }
    optional: true
    sale: true
    targetedAdvertising: true
recipients:
  - id: ga
    name: Google Analytics
    kind: sdk
    company: Google LLC
    country: US
    privacyUrl: https://policies.google.com/privacy
    categories: [email]
    purposes: [ads]
  - { id: host, name: Cloud host, kind: processor, country: SG, categories: [email], purposes: [account] }
trackers:
  - { id: sid, name: session id, kind: cookie, party: first, purposes: [account], essential: true, expiry: session }
  - { id: gacookie, name: _ga, kind: cookie, party: third, recipient: ga, purposes: [ads], advertising: true, expiry: { amount: 2, unit: years } }
signals: { doNotTrack: true, globalPrivacyControl: true }
permissions:
  - { id: loc, platform: android, name: android.permission.ACCESS_FINE_LOCATION, purposes: [ads], categories: [location], when: When you open the map }
retention:
  rules:
    - { id: r1, categories: [email], duration: { amount: 3, unit: years }, anchor: account-closed, backups: purge-next-cycle, legalHolds: [tax] }
    - { id: r2, categories: [location], criteria: [As long as the purpose needs it], action: delete }
  legalHolds: [{ id: tax, reason: Tax law, categories: [email], duration: { amount: 5, unit: years } }]
  onCessation: delete
  cessationNotice: true
rights:
  - right: access
    channels: [mail]
    deadline: { amount: 15, unit: working-days, clockStart: later-of-receipt-and-verification, kind: completion, extension: { amount: 15, unit: working-days, when: complex requests } }
    fee: { kind: free }
    verification: one-time-code
  - { right: erasure, channels: [mail] }
  - { right: opt-out-sale, jurisdictions: [us-ca-ccpa], channels: [mail, unsub] }
minors:
  rules: [{ below: 14, rule: guardian-consent }]
  onDiscovery: delete
transfers:
  storage: [CN]
  localisation: [{ region: CN, scope: Personal information collected in mainland China }]
  transfers:
    - { id: t1, from: CN, to: US, recipients: [ga], categories: [email], mechanisms: [separate-consent, pipl-standard-contract] }
    - { id: t2, to: SG, recipients: [host], mechanisms: [scc] }
breach:
  channels: [email, sms]
  publicNoticeFallback: true
  contents: [nature, measures-taken]
  notifyGuardians: true
  subjectDeadline: { amount: 72, unit: hours }
security: { encryptionInTransit: true, accessLogging: true, accessReviewEvery: { amount: 3, unit: months }, measures: [Two-factor login for staff] }
complaints: { regulators: [{ en: Cyberspace Administration of China, zh-CN: 国家网信部门 }], internalChannel: mail }
`;

/** Parses YAML into a manifest, failing the test with the issues when it does not validate. */
export function manifestFrom(yaml: string): Manifest {
  const result = parseManifest(yaml, { file: 'fixture.yaml' });
  if (!result.ok) throw new Error(`fixture does not validate: ${JSON.stringify(result.issues)}`);
  return result.manifest;
}

/** Decodes the entities the HTML writer produces, to compare visible text. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Removes Markdown backslash escapes, to compare visible text. */
export function markdownText(md: string): string {
  return md.replace(/\\([\\`*_[\]<>|~&$#>+=.)-])/g, '$1');
}
