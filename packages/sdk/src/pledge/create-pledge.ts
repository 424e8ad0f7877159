import { subjectKeyFingerprint } from '@pledge/store';
import { createClient } from '../client/client.js';
import { SubjectKeyMismatchError } from './errors.js';
import { Pledge } from './pledge.js';

/** Options of {@link createPledge}. */
export interface PledgeOptions {
  /** Where the Pledge server answers, e.g. `http://127.0.0.1:4400`. */
  baseUrl: string;
  /**
   * API key with the `sdk:config` scope (the subject key, the change feed, a subject's events),
   * plus `consent:write` to record. Not needed when the server runs in development mode.
   */
  apiKey?: string;
  /** @deprecated The older name of {@link PledgeOptions.apiKey}. */
  token?: string;
  /**
   * PostgreSQL URL of the server's database. Given: the cache follows the ledger through
   * LISTEN/NOTIFY (updates within one round trip). Omitted: it polls the change feed.
   */
  databaseUrl?: string;
  /** Poll interval without `databaseUrl`; reconnect interval with it. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Most subjects kept in the consent cache (least recently used are evicted). Default 10 000. */
  cacheSize?: number;
  /** How often to re-read `/v1/sdk/config` for a new policy version; 0: only when the feed shows one. Default 30 000 ms. */
  policyRefreshMs?: number;
  /**
   * The subject key, when the application holds it itself (e.g. from PLEDGE_SUBJECT_KEY);
   * omitted: taken from `/v1/sdk/config`. Either way it must match the server's key
   * fingerprint, or `createPledge` throws a {@link SubjectKeyMismatchError}.
   */
  subjectKey?: string;
  /** Fetch implementation; default the global `fetch`. */
  fetch?: typeof fetch;
  /** HTTP timeout per request. Default 10 000 ms. */
  timeoutMs?: number;
  /**
   * Recording of accesses made under `log-access` obligations: counted per subject, purpose and
   * minute in process and sent to `POST /v1/audit/accesses` (the key needs `audit:write`) every
   * `flushMs` (default 5000) or when `capacity` (default 8192) distinct counts are half used,
   * and on `close`. false: off. See docs/audit.md for what a crash can lose.
   */
  audit?: { capacity?: number; flushMs?: number } | false;
  /** Background failures (feed, policy refresh). Default: a warning on stderr (no personal data). */
  onError?: (error: unknown) => void;
}

/**
 * Connects to a Pledge server for in-process decisions: loads `/v1/sdk/config`, compiles the
 * policy, and starts following the ledger's change feed. Resolves once the feed is live.
 *
 * @example
 * const pledge = await createPledge({ baseUrl: 'http://127.0.0.1:4400', apiKey });
 * const decision = await pledge.decideAsync('user-42', { purpose: 'newsletter', categories: ['email'] });
 */
export async function createPledge(options: PledgeOptions): Promise<Pledge> {
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const cacheSize = options.cacheSize ?? 10_000;
  const policyRefreshMs = options.policyRefreshMs ?? 30_000;
  if (!(pollIntervalMs > 0) || !Number.isFinite(pollIntervalMs))
    throw new Error('pollIntervalMs must be a positive number');
  if (!Number.isInteger(cacheSize) || cacheSize < 1) throw new Error('cacheSize must be a positive integer');
  if (!(policyRefreshMs >= 0) || !Number.isFinite(policyRefreshMs))
    throw new Error('policyRefreshMs must be 0 or more');
  const client = createClient({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey ?? options.token,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
  });
  const served = await client.sdkConfig();
  const key = options.subjectKey ?? served.subjectKey;
  const fingerprint = subjectKeyFingerprint(key);
  if (fingerprint !== served.subjectKeyFingerprint) {
    const setting = options.subjectKey ? 'the subjectKey option' : 'the key /v1/sdk/config served';
    throw new SubjectKeyMismatchError(setting, fingerprint, served.subjectKeyFingerprint);
  }
  const config = { ...served, subjectKey: key };
  const pledge = new Pledge({
    client,
    config,
    pinnedKey: options.subjectKey !== undefined,
    databaseUrl: options.databaseUrl,
    pollIntervalMs,
    cacheSize,
    policyRefreshMs,
    onError: options.onError ?? warn,
    ...(options.audit !== undefined ? { audit: options.audit } : {}),
  });
  await pledge.start();
  return pledge;
}

function warn(error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  process.emitWarning(`@pledge/sdk: ${message}`);
}
