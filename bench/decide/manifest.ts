import {
  type ConsentMode,
  createTaxonomy,
  type LegalBasis,
  type Manifest,
  ManifestSchema,
} from '@pledge/core';

/** The 40 data categories of the benchmark policy (fideslang keys; 8 are sensitive). */
const CATEGORY_KEYS = [
  'user.account.username',
  'user.account.settings',
  'user.contact.email',
  'user.contact.phone_number',
  'user.contact.address.street',
  'user.contact.address.city',
  'user.contact.address.postal_code',
  'user.contact.address.country',
  'user.contact.social_url',
  'user.name.first',
  'user.name.last',
  'user.device.cookie_id',
  'user.device.device_id',
  'user.device.ip_address',
  'user.device.telemetry',
  'user.behavior.browsing_history',
  'user.behavior.purchase_history',
  'user.behavior.search_history',
  'user.behavior.media_consumption',
  'user.location.coarse',
  'user.demographic.age_range',
  'user.demographic.gender',
  'user.demographic.language',
  'user.demographic.date_of_birth',
  'user.content.public',
  'user.content.self_image',
  'user.unique_id.pseudonymous',
  'user.professional_information.job_title',
  'user.professional_information.workplace',
  'user.privacy_preferences',
  'user.social_activity',
  'user.demographic.marital_status',
  // Sensitive under the taxonomy (special categories, credentials, precise location, financial, government id).
  'user.location.precise',
  'user.health.condition',
  'user.health.medications',
  'user.biometric.fingerprint',
  'user.demographic.religious_belief',
  'user.financial.bank_account',
  'user.government_id.passport_number',
  'user.authorization.credentials',
] as const;

type CategoryKey = (typeof CATEGORY_KEYS)[number];

interface PurposeSpec {
  id: string;
  taxonomy: string;
  basis: LegalBasis;
  consent: ConsentMode;
  categories: CategoryKey[];
  sale?: boolean;
  targetedAdvertising?: boolean;
}

/**
 * 21 purposes covering every consent mode: none (contract, legal obligation, legitimate
 * interests), implied, opt-in, separate (the purposes built on sensitive categories) and
 * opt-out (sale and third-party targeted advertising).
 */
const PURPOSES: readonly PurposeSpec[] = [
  p('account', 'essential.service.account_management', 'contract', 'none', [
    'user.account.username',
    'user.account.settings',
    'user.contact.email',
    'user.name.first',
    'user.name.last',
    'user.authorization.credentials',
  ]),
  p('payments', 'essential.service.payment_processing', 'contract', 'none', [
    'user.financial.bank_account',
    'user.contact.address.street',
    'user.contact.address.city',
    'user.contact.address.postal_code',
    'user.contact.address.country',
    'user.name.last',
  ]),
  p('security', 'essential.service.security', 'legitimate-interests', 'none', [
    'user.device.ip_address',
    'user.device.device_id',
    'user.device.telemetry',
    'user.authorization.credentials',
  ]),
  p('fraud-prevention', 'essential.fraud_detection', 'legitimate-interests', 'none', [
    'user.device.ip_address',
    'user.device.device_id',
    'user.behavior.purchase_history',
    'user.contact.address.country',
  ]),
  p('legal-compliance', 'essential.legal_obligation', 'legal-obligation', 'none', [
    'user.name.first',
    'user.name.last',
    'user.contact.address.street',
    'user.government_id.passport_number',
    'user.behavior.purchase_history',
  ]),
  p('service-notices', 'essential.service.notifications.email', 'contract', 'none', [
    'user.contact.email',
    'user.demographic.language',
  ]),
  p('support', 'essential.service.operations.support', 'contract', 'implied', [
    'user.contact.email',
    'user.contact.phone_number',
    'user.name.first',
    'user.behavior.purchase_history',
    'user.content.public',
  ]),
  p('product-improvement', 'functional.service.improve', 'legitimate-interests', 'implied', [
    'user.device.telemetry',
    'user.device.device_id',
    'user.location.coarse',
    'user.behavior.browsing_history',
  ]),
  p('preferences', 'functional.storage.privacy_preferences', 'consent', 'implied', [
    'user.privacy_preferences',
    'user.device.cookie_id',
    'user.demographic.language',
    'user.account.settings',
  ]),
  p('performance', 'analytics.reporting.system.performance', 'legitimate-interests', 'implied', [
    'user.device.telemetry',
    'user.device.device_id',
    'user.device.ip_address',
    'user.location.precise',
  ]),
  p('newsletter', 'marketing.communications.email', 'consent', 'opt-in', [
    'user.contact.email',
    'user.name.first',
    'user.demographic.language',
    'user.demographic.age_range',
  ]),
  p('sms-offers', 'marketing.communications.sms', 'consent', 'opt-in', [
    'user.contact.phone_number',
    'user.name.first',
  ]),
  p('recommendations', 'personalize.content.profiling', 'consent', 'opt-in', [
    'user.behavior.browsing_history',
    'user.behavior.purchase_history',
    'user.behavior.search_history',
    'user.behavior.media_consumption',
    'user.demographic.age_range',
    'user.demographic.gender',
    'user.demographic.marital_status',
  ]),
  p('content-analytics', 'analytics.reporting.content_performance', 'consent', 'opt-in', [
    'user.device.cookie_id',
    'user.behavior.browsing_history',
    'user.location.coarse',
    'user.unique_id.pseudonymous',
    'user.social_activity',
  ]),
  p('first-party-ads', 'marketing.advertising.first_party.targeted', 'consent', 'opt-in', [
    'user.device.cookie_id',
    'user.behavior.browsing_history',
    'user.behavior.purchase_history',
    'user.demographic.age_range',
    'user.demographic.gender',
    'user.location.precise',
  ]),
  p('recruiting', 'employment.recruitment', 'consent', 'opt-in', [
    'user.professional_information.job_title',
    'user.professional_information.workplace',
    'user.name.first',
    'user.name.last',
    'user.contact.email',
    'user.contact.social_url',
    'user.content.self_image',
  ]),
  p('health-insights', 'personalize.content', 'consent', 'separate', [
    'user.health.condition',
    'user.health.medications',
    'user.demographic.age_range',
    'user.demographic.gender',
    'user.demographic.date_of_birth',
  ]),
  p('biometric-login', 'essential.service.authentication', 'consent', 'separate', [
    'user.biometric.fingerprint',
    'user.device.device_id',
  ]),
  p('faith-content', 'personalize.content.limited', 'consent', 'separate', [
    'user.demographic.religious_belief',
    'user.demographic.language',
    'user.behavior.media_consumption',
  ]),
  {
    ...p('data-sale', 'third_party_sharing', 'legitimate-interests', 'opt-out', [
      'user.device.cookie_id',
      'user.unique_id.pseudonymous',
      'user.behavior.browsing_history',
      'user.behavior.purchase_history',
      'user.location.coarse',
      'user.demographic.age_range',
    ]),
    sale: true,
  },
  {
    ...p('partner-ads', 'marketing.advertising.third_party.targeted', 'legitimate-interests', 'opt-out', [
      'user.device.cookie_id',
      'user.device.device_id',
      'user.behavior.browsing_history',
      'user.location.precise',
    ]),
    targetedAdvertising: true,
  },
];

function p(
  id: string,
  taxonomy: string,
  basis: LegalBasis,
  consent: ConsentMode,
  categories: CategoryKey[],
): PurposeSpec {
  return { id, taxonomy, basis, consent, categories };
}

/** Manifest id of a category key: `user.contact.email` → `contact-email`. */
export function categoryId(key: string): string {
  return key.replace(/^user\./, '').replace(/[._]/g, '-');
}

/**
 * The benchmark policy: 40 categories × 21 purposes under the GDPR, generated in code and
 * validated by `ManifestSchema` (it throws if the generator ever drifts from the schema).
 * Category sensitivity is written out from the built-in taxonomy so every engine reads
 * the same flags.
 */
export function benchmarkManifest(): Manifest {
  const taxonomy = createTaxonomy();
  return ManifestSchema.parse({
    pledge: 1,
    policy: {
      id: 'bench-shop',
      title: 'Benchmark shop privacy policy',
      version: '1.0.0',
      jurisdictions: ['eu-gdpr'],
    },
    controller: {
      name: 'Bench Shop Ltd',
      contacts: [{ id: 'privacy', kind: 'email', value: 'privacy@bench-shop.example', uses: ['rights'] }],
    },
    categories: CATEGORY_KEYS.map((key) => ({
      id: categoryId(key),
      taxonomy: key,
      name: key,
      source: 'voluntary',
      sensitive: taxonomy.isSensitive(key),
    })),
    purposes: PURPOSES.map((spec) => ({
      id: spec.id,
      taxonomy: spec.taxonomy,
      name: spec.id,
      categories: spec.categories.map(categoryId),
      legalBasis: spec.basis,
      consent: spec.consent,
      sale: spec.sale ?? false,
      targetedAdvertising: spec.targetedAdvertising ?? false,
    })),
  });
}
