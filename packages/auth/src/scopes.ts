/**
 * Every scope an API key can hold: the one list. A route names the scopes that may call it;
 * `admin` manages keys and implies no other scope. Extend by appending (never rename).
 */
export const API_SCOPES = [
  'consent:write',
  'decide',
  'ledger:read',
  'policy:publish',
  'dsr',
  'admin',
  'sdk:config',
  'audit:write',
  'disclose',
  'recipients',
  'deregistration:check',
] as const;
/** One of {@link API_SCOPES}. */
export type ApiScope = (typeof API_SCOPES)[number];

/** Whether a value is one of {@link API_SCOPES}. */
export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === 'string' && (API_SCOPES as readonly string[]).includes(value);
}

/**
 * Kinds of key: `secret` for servers and operators; `site` for browsers (published in a web
 * page, so it may only write consent, from its own origins, rate-limited per address).
 */
export const KEY_KINDS = ['secret', 'site'] as const;
/** One of {@link KEY_KINDS}. */
export type KeyKind = (typeof KEY_KINDS)[number];

/** The only scopes a site key may hold. */
export const SITE_KEY_SCOPES: readonly ApiScope[] = ['consent:write'];

/**
 * Scopes whose holder reads personal data (the ledger by subject, request packages) or can
 * mint such a key (`admin`). The console lets only a user whose role may export subjects'
 * data create a key holding one, so an engineer who manages keys cannot give themselves, or
 * an application, access to personal data.
 */
export const PERSONAL_DATA_SCOPES: readonly ApiScope[] = ['ledger:read', 'dsr', 'admin'];
