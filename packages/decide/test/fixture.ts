import { type Manifest, type ManifestInput, ManifestSchema } from '@pledge/core';

/**
 * A small shop that addresses GDPR, CCPA and PIPL subjects: one purpose per consent mode,
 * a sensitive category, recipients with and without contracts, China localisation and two
 * declared transfers. Tests derive variants with {@link shopManifest}.
 */
export const shopInput: ManifestInput = {
  pledge: 1,
  policy: {
    id: 'acme-shop',
    title: 'Acme shop privacy policy',
    version: '2.0',
    jurisdictions: ['eu-gdpr', 'us-ca-ccpa', 'cn-pipl'],
  },
  controller: {
    name: 'Acme Ltd',
    contacts: [{ id: 'privacy', kind: 'email', value: 'privacy@acme.example' }],
  },
  categories: [
    { id: 'email', taxonomy: 'user.contact.email', name: 'E-mail', source: 'voluntary' },
    { id: 'name', taxonomy: 'user.name', name: 'Name', source: 'voluntary' },
    { id: 'location', taxonomy: 'user.location.precise', name: 'Precise location', source: 'automatic' },
    { id: 'health', taxonomy: 'user.health', name: 'Health notes', source: 'voluntary' },
    { id: 'device-id', taxonomy: 'user.device.device_id', name: 'Device id', source: 'automatic' },
    { id: 'browsing', taxonomy: 'user.behavior.browsing_history', name: 'Browsing', source: 'automatic' },
    {
      id: 'order-notes',
      taxonomy: 'user.content',
      name: 'Order notes',
      source: 'voluntary',
      sensitive: true,
    },
  ],
  purposes: [
    {
      id: 'security',
      taxonomy: 'essential.service.security',
      name: 'Keep the shop secure',
      categories: ['device-id', 'browsing'],
      legalBasis: 'legitimate-interests',
      consent: 'none',
    },
    {
      id: 'account',
      taxonomy: 'essential.service',
      name: 'Run the account',
      categories: ['email', 'name', 'location', 'device-id', 'order-notes'],
      legalBasis: 'contract',
      consent: 'implied',
    },
    {
      id: 'newsletter',
      taxonomy: 'marketing.communications.email',
      name: 'Newsletter',
      categories: ['email', 'name'],
      legalBasis: 'consent',
      consent: 'opt-in',
      optional: true,
    },
    {
      id: 'ads',
      taxonomy: 'marketing.advertising.third_party.targeted',
      name: 'Targeted ads',
      categories: ['device-id', 'browsing'],
      legalBasis: { default: 'consent', 'us-ca-ccpa': 'business-purpose' },
      consent: { default: 'opt-in', 'us-ca-ccpa': 'opt-out' },
      sale: true,
      targetedAdvertising: true,
    },
    {
      id: 'analytics',
      taxonomy: 'analytics.reporting',
      name: 'Usage statistics',
      categories: ['device-id', 'browsing'],
      legalBasis: 'legitimate-interests',
      consent: { default: 'opt-out', 'eu-gdpr': 'opt-in' },
    },
    {
      id: 'health-tips',
      taxonomy: 'personalize.content',
      name: 'Health tips',
      categories: ['health', 'email'],
      legalBasis: 'consent',
      consent: { default: 'opt-in', 'cn-pipl': 'separate' },
    },
    {
      id: 'kids-club',
      taxonomy: 'marketing.communications.email',
      name: 'Kids club',
      categories: ['name', 'email'],
      legalBasis: 'consent',
      consent: 'guardian',
    },
  ],
  recipients: [
    {
      id: 'mailer',
      name: 'Mail service',
      kind: 'processor',
      country: 'US',
      categories: ['email', 'name'],
      purposes: ['newsletter'],
      contracts: { required: ['dpa'], onFile: ['dpa'] },
    },
    {
      id: 'adnet',
      name: 'Ad network',
      kind: 'third-party',
      country: 'US',
      categories: ['device-id', 'browsing'],
      purposes: ['ads'],
      contracts: { required: ['dpa'], onFile: [] },
    },
    {
      id: 'cn-courier',
      name: 'Courier',
      kind: 'third-party',
      country: 'CN',
      categories: ['email', 'name', 'location'],
      purposes: ['account'],
      contracts: { required: ['pipl-standard-contract'], onFile: ['pipl-standard-contract'] },
    },
    {
      id: 'stats',
      name: 'Statistics provider',
      kind: 'processor',
      country: 'DE',
      categories: ['device-id', 'browsing'],
      purposes: ['analytics'],
      consentRequired: true,
    },
  ],
  trackers: [
    { id: 'stats-cookie', name: 'Stats cookie', kind: 'cookie', party: 'third', purposes: ['analytics'] },
    {
      id: 'session',
      name: 'Session',
      kind: 'cookie',
      party: 'first',
      purposes: ['account'],
      essential: true,
    },
  ],
  signals: { doNotTrack: true, globalPrivacyControl: false },
  minors: {
    rules: [
      { below: 13, rule: 'barred' },
      { below: 18, rule: 'guardian-consent', jurisdictions: ['cn-pipl'] },
      { below: 17, rule: 'guardian-guidance', jurisdictions: ['us-ca-ccpa'] },
    ],
  },
  transfers: {
    storage: ['DE', 'CN'],
    localisation: [{ region: 'CN', scope: 'Personal information collected in mainland China' }],
    transfers: [
      { id: 'mailer-us', to: 'US', recipients: ['mailer'], mechanisms: ['scc'] },
      {
        id: 'cn-orders-de',
        from: 'CN',
        to: 'DE',
        categories: ['email', 'name'],
        mechanisms: ['separate-consent'],
      },
    ],
  },
  // The shop keeps faults that decision tests exercise; publishing it accepts them (each rule, anywhere).
  lintOverrides: [
    'breach.missing',
    'ccpa.no-opt-out',
    'consent.weaker-than-law',
    'contact.placeholder',
    'marketing.without-opt-out',
    'minors.threshold-below-law',
    'pipl.sensitive-without-separate-consent',
    'pipl.transfer-without-separate-consent',
    'purpose.basis-contradicts-consent',
    'purpose.basis-not-valid-in-jurisdiction',
    'recipient.contract-missing',
    'signals.gpc-not-honoured',
    'transfer.localisation-conflict',
  ].map((rule) => ({ rule, reason: 'test fixture: the shop keeps this fault for the decision tests' })),
};

/** The shop manifest, validated, with optional changes applied to the input first. */
export function shopManifest(change?: (input: ManifestInput) => void): Manifest {
  const input = structuredClone(shopInput);
  change?.(input);
  return ManifestSchema.parse(input);
}
