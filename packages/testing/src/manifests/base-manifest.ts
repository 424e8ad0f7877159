import { type Manifest, type ManifestInput, ManifestSchema } from '@pledge/core';
import { stringify } from 'yaml';

/** A small manifest touching every section, used where the example manifests are too big to reason about. */
const BASE: ManifestInput = {
  pledge: 1,
  policy: {
    id: 'example-shop',
    title: { en: 'Example Shop privacy policy', 'zh-CN': '示例商店隐私政策' },
    version: '1.0.0',
    lastUpdated: '2024-01-01',
    languages: ['en', 'zh-CN'],
    jurisdictions: ['eu-gdpr', 'cn-pipl'],
    changes: { channels: ['email'], noRightsReductionWithoutConsent: false },
  },
  controller: {
    name: 'Example Shop GmbH',
    address: 'Hauptstrasse 1, 10115 Berlin',
    country: 'DE',
    contacts: [
      {
        id: 'privacy-mail',
        kind: 'email',
        value: 'privacy@example.test',
        uses: ['rights', 'privacy-officer'],
      },
      { id: 'support', kind: 'web-form', value: 'https://example.test/support' },
    ],
    privacyOfficer: { name: 'Data protection officer', contact: 'privacy-mail' },
    representatives: [{ region: 'CN', name: 'Example Shop Shanghai Ltd.' }],
  },
  categories: [
    {
      id: 'email',
      taxonomy: 'user.contact.email',
      name: 'E-mail address',
      source: 'voluntary',
      required: true,
    },
    { id: 'name', taxonomy: 'user.name', name: 'Name', source: 'voluntary' },
    { id: 'orders', taxonomy: 'user.behavior.purchase_history', name: 'Order history', source: 'automatic' },
    {
      id: 'location',
      taxonomy: 'user.location.precise',
      name: 'Precise location',
      source: 'device-reported',
      sensitive: true,
    },
    {
      id: 'usage',
      taxonomy: 'user.behavior',
      name: 'Usage data',
      source: 'automatic',
      subjects: ['visitor'],
    },
  ],
  purposes: [
    {
      id: 'service',
      taxonomy: 'essential.service',
      name: 'Provide the shop',
      categories: ['email', 'name', 'orders'],
      legalBasis: 'contract',
      consent: 'none',
    },
    {
      id: 'newsletter',
      taxonomy: 'marketing.communications.email',
      name: 'Newsletter',
      categories: ['email'],
      legalBasis: 'consent',
      consent: 'opt-in',
      optional: true,
    },
    {
      id: 'analytics',
      taxonomy: 'analytics.reporting',
      name: 'Site statistics',
      categories: ['usage'],
      legalBasis: { default: 'legitimate-interests', 'cn-pipl': 'consent' },
      consent: { default: 'opt-out', 'cn-pipl': 'opt-in' },
      optional: true,
    },
  ],
  recipients: [
    {
      id: 'mailer',
      name: 'Mail delivery service',
      kind: 'processor',
      country: 'DE',
      categories: ['email'],
      purposes: ['newsletter'],
      contracts: { required: ['dpa'], onFile: ['dpa'] },
    },
    {
      id: 'cloud',
      name: 'Cloud hosting',
      kind: 'processor',
      country: 'US',
      categories: ['email', 'name', 'orders'],
      purposes: ['service'],
      contracts: { required: ['dpa', 'scc'], onFile: ['dpa', 'scc'] },
    },
  ],
  trackers: [
    {
      id: 'session',
      name: 'Session cookie',
      kind: 'cookie',
      party: 'first',
      purposes: ['service'],
      essential: true,
      expiry: 'session',
    },
  ],
  signals: { doNotTrack: true, globalPrivacyControl: true },
  retention: {
    rules: [
      {
        id: 'account-data',
        categories: ['email', 'name'],
        duration: { amount: 30, unit: 'days' },
        anchor: 'account-closed',
      },
      { id: 'orders', categories: ['orders'], duration: { amount: 10, unit: 'years' }, anchor: 'collected' },
      { id: 'usage', categories: ['usage'], duration: { amount: 6, unit: 'months' } },
    ],
  },
  rights: [
    {
      right: 'access',
      channels: ['privacy-mail'],
      deadline: { amount: 1, unit: 'months' },
      fee: { kind: 'free' },
      verification: 'signed-in',
      form: 'any',
    },
    {
      right: 'erasure',
      channels: ['privacy-mail', 'support'],
      deadline: { amount: 15, unit: 'working-days' },
    },
    { right: 'portability', jurisdictions: ['eu-gdpr'], channels: ['privacy-mail'] },
  ],
  minors: {
    rules: [
      { below: 14, rule: 'barred' },
      { below: 16, rule: 'guardian-consent', jurisdictions: ['eu-gdpr'] },
    ],
    ageVerification: 'self-declared',
  },
  transfers: {
    storage: ['DE'],
    localisation: [{ region: 'CN', scope: 'Personal information collected in mainland China' }],
    transfers: [{ id: 'hosting-us', from: 'DE', to: 'US', recipients: ['cloud'], mechanisms: ['scc'] }],
  },
  breach: {
    notifySubjects: true,
    channels: ['email'],
    contents: ['nature', 'likely-consequences', 'measures-taken'],
  },
  security: {
    encryptionInTransit: true,
    encryptionAtRest: true,
    accessLogging: true,
    accessReviewEvery: { amount: 3, unit: 'months' },
    measures: ['Role-based access control'],
  },
};

/** A fresh, mutable copy of the base manifest as written (before defaults). */
export function baseInput(): ManifestInput {
  return structuredClone(BASE);
}

/** The base manifest as YAML text. */
export function baseYaml(): string {
  return stringify(BASE);
}

/** Validates a manifest input, failing the test with the schema issues if it is invalid. */
export function toManifest(input: ManifestInput): Manifest {
  const parsed = ManifestSchema.safeParse(input);
  if (!parsed.success) throw new Error(`fixture is invalid: ${JSON.stringify(parsed.error.issues, null, 1)}`);
  return parsed.data;
}

/** The base manifest after an edit of its input, validated. */
export function edited(edit: (input: ManifestInput) => void): Manifest {
  const input = baseInput();
  edit(input);
  return toManifest(input);
}
