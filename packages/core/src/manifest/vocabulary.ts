/**
 * The closed lists of the manifest language that run-time code needs without the schema
 * (the decision engine runs in browsers and edge workers, without zod). The schema builds
 * its enums from these arrays, so each list is written once.
 */

/**
 * US state privacy laws built from one table (`jurisdictions/us-states`): the states with a
 * universal opt-out signal duty, and Virginia.
 */
export const US_STATE_KEYS = [
  'us-co-cpa',
  'us-ct-ctdpa',
  'us-de-dpdpa',
  'us-md-modpa',
  'us-mn-mcdpa',
  'us-mt-mcdpa',
  'us-ne-dpdpa',
  'us-nh-pa',
  'us-nj-dpa',
  'us-or-ocpa',
  'us-tx-tdpsa',
  'us-va-vcdpa',
] as const;

/** Jurisdictions whose rules ship with Pledge as data. */
export const JURISDICTION_KEYS = [
  'eu-gdpr',
  'uk-gdpr',
  'us-ca-ccpa',
  'cn-pipl',
  'br-lgpd',
  ...US_STATE_KEYS,
  'in-dpdp',
] as const;

/** Legal bases for processing across the supported laws. */
export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal-obligation',
  'vital-interests',
  'public-task',
  'legitimate-interests',
  'employment',
  'public-health-emergency',
  'news-reporting',
  'publicly-disclosed',
  'credit-protection',
  'research',
  'legal-claims',
  'business-purpose',
] as const;
