import { getJurisdiction, JURISDICTION_KEYS, type JurisdictionKey } from '@pledge/core';

/** What `pledge init` writes a starter manifest from. */
export interface StarterOptions {
  /** Legal name of the company (the controller). */
  name: string;
  jurisdictions: ReadonlyArray<JurisdictionKey>;
  /** Date of the first version, `YYYY-MM-DD`. */
  date: string;
}

/** Marker the comments put on every value the newcomer must replace. */
export const FILL_IN = 'FILL IN';

/**
 * A commented starter manifest: one account purpose, one optional analytics purpose, a hosting
 * processor, retention, every right the chosen laws grant, minors and breach promises. It
 * validates and lints without errors except for the placeholder contact e-mail and address,
 * which `# FILL IN` comments point at, with the other values a company usually changes.
 */
export function starterManifest(options: StarterOptions): string {
  const { jurisdictions, date } = options;
  const name = JSON.stringify(options.name);
  const chinese = jurisdictions.includes('cn-pipl');
  const languages = chinese ? '[en, zh-CN]' : '[en]';
  // 16 (the GDPR's default) unless a chosen law sets a higher age (India: 18).
  const guardianBelow = Math.max(
    16,
    ...jurisdictions.map((key) => getJurisdiction(key)?.minors.digitalConsentAge.value ?? 0),
  );
  return `# Pledge manifest for ${options.name}: your privacy policy as code.
# Check it with \`pledge validate\` and \`pledge lint\`, render it with \`pledge render\`.
# Every line marked "${FILL_IN}" holds a placeholder you must replace; \`pledge lint\` reports
# the ones that are still placeholders. The other values are a common starting point: change
# them to what your company really does. Reference: docs/manifest.md; taxonomy keys:
# docs/taxonomy.md; lint rules: docs/lint-rules.md.
# For completion in your editor, add \`$schema:\` with the path of schema/pledge.schema.json
# (\`pledge schema > pledge.schema.json\` writes it).
pledge: 1

policy:
  id: ${policyId(options.name)}
  title: ${JSON.stringify(`${options.name} privacy policy`)}
  version: 1.0.0
  lastUpdated: ${date}
  languages: ${languages}
  # The laws the policy addresses: ${JURISDICTION_KEYS.join(', ')}.
  jurisdictions: [${jurisdictions.join(', ')}]

controller:
  name: ${name}
  # ${FILL_IN}: your registered address, as it appears in your company register.
  address: "[registered address]"
  contacts:
    - id: privacy-email
      kind: email
      # ${FILL_IN}: the mailbox that answers privacy questions and rights requests.
      value: privacy@example.com
      uses: [general, rights, privacy-officer, complaints, marketing-opt-out]

# The personal data you collect. \`taxonomy\` is a built-in key (docs/taxonomy.md); \`id\` is
# your own name for it, used by purposes, recipients and retention rules below.
categories:
  - id: email
    taxonomy: user.contact.email
    name: E-mail address
    source: voluntary
    required: true
  - id: usage
    taxonomy: user.behavior.browsing_history
    name: Pages visited
    source: automatic

# Why you process it, on which legal basis, and what consent it needs.
purposes:
  - id: account
    taxonomy: essential.service
    name: Run the customer account
    categories: [email, usage]
    legalBasis: contract
    consent: none
  - id: analytics
    taxonomy: analytics.reporting
    name: Site statistics
    categories: [usage]
    legalBasis: consent
    consent: opt-in
    optional: true

# Who else receives the data: processors, other controllers, public authorities.
recipients:
  - id: hosting
    name: Hosting provider
    kind: processor
    categories: [email, usage]
    purposes: [account, analytics]
    contracts: { required: [dpa], onFile: [dpa] }

trackers:
  - id: session
    name: Session cookie
    kind: cookie
    party: first
    purposes: [account]
    essential: true
    expiry: session

# How long you keep each category, counted from an anchor event.
retention:
  rules:
    - id: account
      categories: [email]
      duration: { amount: 1, unit: years }
      anchor: account-closed
    - id: usage-logs
      categories: [usage]
      duration: { amount: 13, unit: months }
      anchor: collected
      action: anonymise
  onCessation: delete

# The rights you grant and how fast you answer; \`pledge lint\` checks them against each law.
rights:
${rightsBlock()}

minors:
  rules: [{ below: ${guardianBelow}, rule: guardian-consent }]
  onDiscovery: delete

breach:
  channels: [email]
  contents: [nature, categories, likely-consequences, measures-taken, contact-point]
`;
}

/** Rights every supported law grants somewhere, answered through the privacy mailbox. */
const RIGHTS = [
  'access',
  'know',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'automated-decision',
  'explanation',
  'opt-out-sale',
  'limit-sensitive',
] as const;

function rightsBlock(): string {
  const lines = RIGHTS.map(
    (right) => `  - { right: ${right}, channels: [privacy-email], deadline: { amount: 15, unit: days } }`,
  );
  lines.push('  - { right: withdraw-consent, channels: [privacy-email] }');
  lines.push('  - { right: complaint, channels: [privacy-email] }');
  return lines.join('\n');
}

/** `Acme Shop Ltd.` gives `acme-shop-ltd`; a name without Latin letters or digits gives `privacy-policy`. */
export function policyId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'privacy-policy' : slug.slice(0, 60).replace(/-+$/, '');
}
