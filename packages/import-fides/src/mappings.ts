import type { ErasureStrategy, IdentityKind, Sensitivity, Taxonomy } from '@pledge/core';

/**
 * fideslang identity names (`fides_meta.identity`) and the Pledge identity kind each means.
 * Fides ships `email` and `phone_number`; the others are common custom identities.
 */
const IDENTITIES = new Map<string, IdentityKind>([
  ['email', 'email'],
  ['phone_number', 'phone'],
  ['phone', 'phone'],
  ['user_id', 'user-id'],
  ['customer_id', 'user-id'],
  ['account_id', 'user-id'],
  ['username', 'username'],
  ['user_name', 'username'],
  ['ga_client_id', 'cookie-id'],
  ['fides_user_device_id', 'cookie-id'],
  ['cookie_id', 'cookie-id'],
  ['device_id', 'device-serial'],
  ['serial_number', 'device-serial'],
  ['external_id', 'external-id'],
]);

/** The Pledge identity kind of a fideslang identity name, or undefined when there is no direct one. */
export function identityKind(name: string): IdentityKind | undefined {
  return IDENTITIES.get(name.toLowerCase());
}

/** A fideslang masking strategy as a Pledge erasure strategy, and whether the mapping loses meaning. */
interface StrategyMapping {
  strategy: ErasureStrategy;
  exact: boolean;
}

const STRATEGIES = new Map<string, StrategyMapping>([
  ['null_rewrite', { strategy: 'null', exact: true }],
  ['hash', { strategy: 'hash', exact: true }],
  ['hmac', { strategy: 'hash', exact: true }],
  // A fixed replacement text has no Pledge equivalent; masking keeps as little.
  ['string_rewrite', { strategy: 'mask', exact: false }],
  ['random_string_rewrite', { strategy: 'null', exact: false }],
  // Pledge never keeps an erased value recoverable: encryption becomes a keyed hash.
  ['aes_encrypt', { strategy: 'hash', exact: false }],
]);

export function erasureOfMasking(name: string): StrategyMapping | undefined {
  return STRATEGIES.get(name);
}

const RANK: Record<Sensitivity, number> = { none: 0, personal: 1, sensitive: 2 };

/** The strictest sensitivity of the categories; an unknown key counts as personal. */
export function strictestSensitivity(taxonomy: Taxonomy, keys: readonly string[]): Sensitivity | undefined {
  let strictest: Sensitivity | undefined;
  for (const key of keys) {
    const sensitivity = taxonomy.sensitivity(key) ?? 'personal';
    if (strictest === undefined || RANK[sensitivity] > RANK[strictest]) strictest = sensitivity;
  }
  return strictest;
}

/**
 * The default erasure of a field from its categories: nothing personal is kept as it is;
 * sensitive values are removed outright; other personal text is replaced by a keyed hash,
 * Fides' own default (HMAC), which keeps equal values joinable; personal values of another
 * or unknown type, which a hash cannot hold, are removed.
 */
export function defaultErasure(
  sensitivity: Sensitivity | undefined,
  dataType: string | undefined,
): ErasureStrategy {
  if (sensitivity === undefined || sensitivity === 'none') return 'keep';
  if (sensitivity === 'sensitive') return 'null';
  return dataType === 'string' ? 'hash' : 'null';
}

/** How data of a category usually reaches the controller, for a category Pledge has to create. */
export function inferredSource(taxonomy: Taxonomy, key: string): 'voluntary' | 'automatic' | 'derived' {
  const under = (ancestor: string) => taxonomy.isUnder(key, ancestor, 'category');
  if (under('user.derived') || under('user.unique_id')) return 'derived';
  if (['user.device', 'user.behavior', 'user.telemetry', 'user.sensor'].some(under)) return 'automatic';
  return 'voluntary';
}

/** A manifest id from a fideslang key: lower case, runs of other characters become `-`. */
export function slug(key: string): string {
  const text = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return text === '' ? 'category' : text;
}

/** A dataset id Pledge references can name: lower case letters, digits, `_` and `-`. */
export function datasetId(fidesKey: string): string {
  const text = fidesKey.toLowerCase().replace(/[^a-z0-9_-]+/g, '_');
  return /^[a-z0-9]/.test(text) ? text : `d${text}`;
}
