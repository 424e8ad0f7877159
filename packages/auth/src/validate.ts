import { LEDGER_ACTORS, type LedgerActor } from '@pledge/core';
import { API_SCOPES, type ApiScope, isApiScope, KEY_KINDS, type KeyKind, SITE_KEY_SCOPES } from './scopes.js';

/** What {@link createApiKey} is asked for. */
export interface NewKey {
  name: string;
  /** Default `secret`. */
  kind?: KeyKind;
  scopes: readonly string[];
  /** Origins (`https://shop.example`) a browser may call from; required for a site key. */
  origins?: readonly string[];
  /** Ledger actor of the events the key records; default `subject` (a site key: always `subject`). */
  actor?: string;
}

/** A refused key request: a stable code, the field at fault and the rule. */
export interface KeyIssue {
  code: 'key.invalid';
  path: string;
  message: string;
}

/** A key request once checked. */
export interface CheckedKey {
  name: string;
  kind: KeyKind;
  scopes: ApiScope[];
  origins: string[];
  actor: LedgerActor;
}

const issue = (path: string, message: string): { ok: false; issue: KeyIssue } => ({
  ok: false,
  issue: { code: 'key.invalid', path, message },
});

/**
 * An origin as browsers send it: `https://host[:port]`, or `http://` for localhost only;
 * no path, query, user or trailing slash. Returns it lower-cased, or undefined.
 */
export function normaliseOrigin(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return undefined;
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return undefined;
  if (text.replace(/\/$/, '').toLowerCase() !== url.origin.toLowerCase()) return undefined;
  return url.origin;
}

/** Checks a key request: name, kind, scopes (a site key: consent writes only), origins, actor. */
export function checkNewKey(input: NewKey): { ok: true; key: CheckedKey } | { ok: false; issue: KeyIssue } {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100 || /\p{Cc}/u.test(name)) {
    return issue('name', 'must be 1 to 100 characters without control characters');
  }
  const kind = input.kind ?? 'secret';
  if (!KEY_KINDS.includes(kind)) return issue('kind', `must be one of ${KEY_KINDS.join(', ')}`);
  if (input.scopes.length === 0) return issue('scopes', 'name at least one scope');
  const scopes: ApiScope[] = [];
  for (const [i, scope] of input.scopes.entries()) {
    if (!isApiScope(scope)) return issue(`scopes.${i}`, `must be one of ${API_SCOPES.join(', ')}`);
    if (!scopes.includes(scope)) scopes.push(scope);
  }
  if (kind === 'site' && scopes.some((s) => !SITE_KEY_SCOPES.includes(s))) {
    return issue('scopes', `a site key may only hold ${SITE_KEY_SCOPES.join(', ')}`);
  }
  const origins: string[] = [];
  for (const [i, text] of (input.origins ?? []).entries()) {
    const origin = normaliseOrigin(text);
    if (!origin) {
      return issue(
        `origins.${i}`,
        'must be an origin such as https://shop.example (http only for localhost)',
      );
    }
    if (!origins.includes(origin)) origins.push(origin);
  }
  if (kind === 'site' && origins.length === 0)
    return issue('origins', 'a site key needs at least one origin');
  const actor = input.actor ?? 'subject';
  if (!(LEDGER_ACTORS as readonly string[]).includes(actor)) {
    return issue('actor', `must be one of ${LEDGER_ACTORS.join(', ')}`);
  }
  if (kind === 'site' && actor !== 'subject') return issue('actor', 'a site key records as the subject');
  return { ok: true, key: { name, kind, scopes, origins, actor: actor as LedgerActor } };
}
