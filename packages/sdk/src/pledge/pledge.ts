import type { ConsentSource, JurisdictionKey, PrivacySignal } from '@pledge/core';
import {
  type CategoryMask,
  categoryMask,
  type Decision,
  type DecisionRequest,
  decide,
  decideIndexed,
  type SubjectState,
} from '@pledge/decide';
import type { SubjectFactsInput } from '@pledge/engine';
import { subjectHash } from '@pledge/store';
import { AccessRecorder } from '../audit/access-recorder.js';
import { type CacheEntry, ConsentCache } from '../cache/consent-cache.js';
import { fromJson } from '../cache/ledger-event.js';
import type { PledgeClient } from '../client/client.js';
import type {
  ConsentEventInput,
  DisclosureRequest,
  DisclosureResponse,
  LedgerEvent,
  RecordConsentResponse,
  SdkConfigResponse,
} from '../client/types.js';
import { FeedFollower } from '../feed/follower.js';
import { ListenFeed } from '../feed/listen-feed.js';
import { PollFeed } from '../feed/poll-feed.js';
import type { ChangeFeed } from '../feed/types.js';
import { SubjectNotCachedError } from './errors.js';
import { type PolicyRuntime, stateFromEvents } from './policy-runtime.js';
import { PolicySource } from './policy-source.js';
import { recordedEvents } from './recorded-events.js';

/**
 * One subject's cached events, held for the span of a request: its decisions stay answerable
 * even if the cache evicts the subject meanwhile, and follow feed updates while it does not.
 */
export interface SubjectHandle {
  /** {@link Pledge.decide} for this subject. */
  decide(request: DecisionRequest, facts?: SubjectFactsInput): Decision;
  /** {@link Pledge.state} for this subject. */
  state(facts?: SubjectFactsInput): SubjectState;
  /** Whether the subject's events hold a `signal-seen` event for this signal. */
  hasSignal(signal: PrivacySignal): boolean;
}

/** Settings of a {@link Pledge} instance (see `createPledge`). */
export interface PledgeSettings {
  client: PledgeClient;
  config: SdkConfigResponse;
  /** Whether the key in `config` is the application's own (kept when the server's changes). */
  pinnedKey?: boolean;
  databaseUrl: string | undefined;
  pollIntervalMs: number;
  cacheSize: number;
  policyRefreshMs: number;
  onError: (error: unknown) => void;
  /** Recording of `log-access` obligations (see `PledgeOptions.audit`); false: off. */
  audit?: { capacity?: number; flushMs?: number } | false;
}

/**
 * In-process decisions over the server's policy and a local consent cache. Built by
 * `createPledge`; see docs/sdk.md.
 */
export class Pledge {
  /** The HTTP client this instance talks through. */
  readonly client: PledgeClient;
  readonly #cache: ConsentCache;
  readonly #follower: FeedFollower;
  readonly #feed: ChangeFeed;
  readonly #onError: (error: unknown) => void;
  readonly #signalsInFlight = new Map<string, Promise<boolean>>();
  readonly #policy: PolicySource;
  #anonymous: { generation: number; state: SubjectState } | undefined;
  readonly #audit: AccessRecorder | undefined;

  constructor(settings: PledgeSettings) {
    this.client = settings.client;
    this.#onError = settings.onError;
    const client = settings.client;
    this.#audit =
      settings.audit === false
        ? undefined
        : new AccessRecorder({
            ship: (accesses) => client.recordAccesses(accesses),
            onError: settings.onError,
            ...settings.audit,
          });
    this.#cache = new ConsentCache(settings.cacheSize);
    this.#policy = new PolicySource(
      settings.client,
      settings.config,
      settings.policyRefreshMs,
      settings.onError,
      // Hashes under the old key match nothing any more.
      () => this.#cache.clear(),
      settings.pinnedKey ?? false,
    );
    this.#follower = new FeedFollower(settings.client, settings.config.lastSeq, (events) =>
      this.#apply(events),
    );
    this.#feed = settings.databaseUrl
      ? new ListenFeed(this.#follower, settings.databaseUrl, settings.pollIntervalMs, settings.onError)
      : new PollFeed(this.#follower, settings.pollIntervalMs, settings.onError);
  }

  /** Starts following the change feed (called by `createPledge`). */
  start(): Promise<void> {
    return this.#feed.start();
  }

  /** The policy decisions are made with. Indexes and masks are valid for its `generation` only. */
  get policy(): PolicyRuntime {
    return this.#policy.runtime;
  }

  /** How the cache is kept fresh: `listen` (PostgreSQL LISTEN/NOTIFY) or `poll`. */
  get feedMode(): 'listen' | 'poll' {
    return this.#feed.mode;
  }

  /** Sequence number of the last ledger event applied from the change feed. */
  get lastSeq(): number {
    return this.#follower.lastSeq;
  }

  /** Number of subjects in the cache. */
  get cachedSubjects(): number {
    return this.#cache.size;
  }

  /** Whether the subject's events are cached, so {@link decide} answers synchronously. */
  has(subject: string): boolean {
    return this.#cache.has(this.#hash(subject));
  }

  /** Fetches the subject's events into the cache, unless they are there already. */
  async load(subject: string): Promise<void> {
    await this.#entry(subject);
  }

  /** Fetches the subject into the cache when needed and returns a {@link SubjectHandle} on it. */
  async forSubject(subject: string): Promise<SubjectHandle> {
    const hash = this.#hash(subject);
    const entry = await this.#entry(subject, hash);
    return {
      decide: (request, facts) =>
        this.#noted(
          entry,
          request,
          decide(this.#policy.runtime.compiled, request, this.#stateOf(entry, facts)),
        ),
      state: (facts) => this.#stateOf(entry, facts),
      hasSignal: (signal) => hasSignal(entry.events, signal),
    };
  }

  /**
   * The subject's state for {@link decideIndexed}. Treat it as read-only. Without facts it is
   * built once per cached subject and policy generation. Throws {@link SubjectNotCachedError}
   * when the subject is not cached.
   */
  state(subject: string | undefined, facts?: SubjectFactsInput): SubjectState {
    if (subject === undefined) return this.#anonymousState(facts);
    const entry = this.#cache.get(this.#hash(subject));
    if (!entry) throw new SubjectNotCachedError();
    return this.#stateOf(entry, facts);
  }

  /** {@link state}, fetching the subject first when it is not cached. */
  async stateAsync(subject: string | undefined, facts?: SubjectFactsInput): Promise<SubjectState> {
    if (subject === undefined) return this.#anonymousState(facts);
    return this.#stateOf(await this.#entry(subject), facts);
  }

  /**
   * Decides in process, as `POST /v1/decide` would. `subject` undefined: a subject with no
   * recorded events. Synchronous; throws {@link SubjectNotCachedError} when the subject is
   * not cached (use {@link decideAsync}, or {@link load} first).
   */
  decide(subject: string | undefined, request: DecisionRequest, facts?: SubjectFactsInput): Decision {
    const compiled = this.#policy.runtime.compiled;
    if (subject === undefined)
      return this.#noted(undefined, request, decide(compiled, request, this.#anonymousState(facts)));
    const hash = this.#hash(subject);
    const entry = this.#cache.get(hash);
    if (!entry) throw new SubjectNotCachedError();
    return this.#noted(entry, request, decide(compiled, request, this.#stateOf(entry, facts)));
  }

  /** {@link decide}, fetching the subject into the cache first when needed. */
  async decideAsync(
    subject: string | undefined,
    request: DecisionRequest,
    facts?: SubjectFactsInput,
  ): Promise<Decision> {
    if (subject === undefined) return this.decide(undefined, request, facts);
    const hash = this.#hash(subject);
    const entry = await this.#entry(subject, hash);
    return this.#noted(
      entry,
      request,
      decide(this.#policy.runtime.compiled, request, this.#stateOf(entry, facts)),
    );
  }

  /**
   * Counts an access made under a `log-access` obligation that {@link decideIndexed} returned
   * (the other decide methods count on their own): `subject` undefined for none. Only counts;
   * the counts are sent in the background (see docs/audit.md). Throws
   * {@link SubjectNotCachedError} when the subject is not cached (as {@link state} does).
   */
  noteAccess(subject: string | undefined, purpose: number): void {
    const audit = this.#audit;
    if (audit === undefined) return;
    const runtime = this.#policy.runtime;
    const ids = runtime.compiled.purposes.ids;
    if (subject === undefined) {
      audit.note(0, '', purpose, ids, runtime.generation);
      return;
    }
    const entry = this.#cache.get(this.#hash(subject));
    if (!entry) throw new SubjectNotCachedError();
    audit.note(entry.auditId, entry.hash, purpose, ids, runtime.generation);
  }

  /** Sends the accesses counted so far now (they are sent every few seconds on their own). */
  flushAccesses(): Promise<void> {
    return this.#audit?.flush() ?? Promise.resolve();
  }

  /**
   * The allocation-free path: `decideIndexed` of @pledge/core with the current policy. Get the
   * purpose index from `policy.compiled.purposes.index`, the mask from {@link categoryMask} and
   * the state from {@link state}; rebuild them when `policy.generation` changes.
   */
  decideIndexed(
    purpose: number,
    categories: CategoryMask,
    subject: SubjectState,
    recipient = -1,
    jurisdiction?: JurisdictionKey,
    destinationCountry?: string,
  ): Decision {
    return decideIndexed(
      this.#policy.runtime.compiled,
      purpose,
      categories,
      subject,
      recipient,
      jurisdiction,
      destinationCountry,
    );
  }

  /** A category mask for {@link decideIndexed}; undefined when a category is unknown. */
  categoryMask(categories: readonly string[]): CategoryMask | undefined {
    return categoryMask(this.#policy.runtime.compiled, categories);
  }

  /**
   * Records events (`POST /v1/consents`) and updates the cache at once: a cached subject gets
   * the new events, an uncached one is read in (a failed read is reported, not thrown: the
   * events are stored).
   */
  async record(subject: string, events: ConsentEventInput[]): Promise<RecordConsentResponse> {
    const response = await this.client.recordConsent(subject, events);
    const hash = this.#hash(subject);
    const entry = this.#cache.get(hash);
    if (entry) {
      // Until the feed brings the stored events, the pseudonym known so far stands in.
      const pseudonym = entry.pseudonym ?? '';
      this.#cache.addRecorded(
        hash,
        recordedEvents(hash, pseudonym, events, response, this.#policy.runtime, new Date()),
      );
    } else {
      await this.#entry(subject).catch(this.#onError);
    }
    return response;
  }

  /**
   * Asks the server for a disclosure to a recipient (`POST /v1/disclosures`, scope `disclose`):
   * the register's contracts and inspections live on the server, so this is never decided in
   * process. Resolves when allowed (and logged); a refusal throws a `PledgeApiError` with code
   * `disclosure-refused` whose `issues` carry the `disclosure.*` codes (also logged).
   *
   * @example
   * await pledge.disclose({ subject: 'user-42', recipient: 'mailer', purpose: 'newsletter', categories: ['email'] });
   */
  disclose(request: DisclosureRequest): Promise<DisclosureResponse> {
    return this.client.disclose(request);
  }

  /**
   * Whether an account under this identifier was ever deregistered (`POST /v1/subjects/deregistered`,
   * scope `deregistration:check`, rate-limited): a boolean and nothing else. Deregistration is
   * irreversible; signing the identifier up again records it as a new, unlinked subject.
   *
   * @example
   * if (await pledge.wasDeregistered(form.email)) showNotice('Your earlier account was closed for good.');
   */
  wasDeregistered(identifier: string): Promise<boolean> {
    return this.client.wasDeregistered(identifier);
  }

  /** Records use of the service as acceptance (`POST /v1/use`); returns whether it recorded. */
  async recordUse(subject: string, source?: ConsentSource): Promise<boolean> {
    const { recorded } = await this.client.recordUse(subject, source);
    const hash = this.#hash(subject);
    if (recorded && this.#cache.has(hash)) this.#cache.refresh(hash, await this.#fetch(subject, hash));
    return recorded;
  }

  /** Whether a cached subject has a `signal-seen` event for this signal. */
  hasSignal(subject: string, signal: PrivacySignal): boolean {
    const entry = this.#cache.get(this.#hash(subject));
    return entry !== undefined && hasSignal(entry.events, signal);
  }

  /**
   * Records a `signal-seen` event once per subject and signal: not when the subject's events
   * already hold one, nor twice when requests race. Returns whether this call recorded it.
   */
  async recordSignal(
    subject: string,
    signal: PrivacySignal,
    source: ConsentSource = 'web',
  ): Promise<boolean> {
    const entry = await this.#entry(subject);
    if (hasSignal(entry.events, signal)) return false;
    const key = `${this.#hash(subject)}:${signal}`;
    const pending = this.#signalsInFlight.get(key);
    if (pending) return pending.then(() => false);
    const recording = this.record(subject, [{ type: 'signal-seen', signal, method: 'header', source }])
      .then(() => true)
      .finally(() => this.#signalsInFlight.delete(key));
    this.#signalsInFlight.set(key, recording);
    return recording;
  }

  /** Reads the change feed now (the feed does this on its own; useful after out-of-band writes). */
  sync(): Promise<void> {
    return this.#follower.sync();
  }

  /**
   * Reloads `/v1/sdk/config` and recompiles when the server's policy changed. Returns
   * whether it did. Called on its own when the feed shows an unknown policy hash.
   */
  refreshPolicy(): Promise<boolean> {
    return this.#policy.refresh();
  }

  /** Hands a background failure to the `onError` of `createPledge` (middleware uses it). */
  reportError(error: unknown): void {
    this.#onError(error);
  }

  /** Sends the accesses counted, stops following the feed and forgets the cache. */
  async close(): Promise<void> {
    await this.#audit?.close();
    this.#policy.close();
    await this.#feed.close();
    this.#cache.clear();
  }

  #hash(subject: string): string {
    return subjectHash(this.#policy.subjectKey, subject);
  }

  /** Counts the access when the decision carries a `log-access` obligation; returns the decision. */
  #noted(entry: CacheEntry | undefined, request: DecisionRequest, decision: Decision): Decision {
    const audit = this.#audit;
    if (audit === undefined) return decision;
    const obligations = decision.obligations;
    for (let i = 0; i < obligations.length; i++) {
      if (obligations[i]?.kind !== 'log-access') continue;
      const runtime = this.#policy.runtime;
      const purposes = runtime.compiled.purposes;
      const index =
        typeof request.purpose === 'number' ? request.purpose : purposes.index.get(request.purpose);
      if (index !== undefined) {
        audit.note(entry?.auditId ?? 0, entry?.hash ?? '', index, purposes.ids, runtime.generation);
      }
      break;
    }
    return decision;
  }

  #entry(subject: string, hash = this.#hash(subject)): Promise<CacheEntry> {
    return this.#cache.load(hash, () => this.#fetch(subject, hash));
  }

  async #fetch(subject: string, hash: string): Promise<LedgerEvent[]> {
    const response = await this.client.queryConsents(subject);
    if (response.subjectHash !== hash) {
      // The server's subject key changed under us: the cache would miss every feed update.
      void this.refreshPolicy().catch(this.#onError);
      throw new Error('subject hash mismatch: the server subject key changed; retry');
    }
    return response.events.map(fromJson);
  }

  #stateOf(entry: CacheEntry, facts: SubjectFactsInput | undefined): SubjectState {
    const runtime = this.#policy.runtime;
    if (hasFacts(facts)) return stateFromEvents(runtime, entry.events, facts);
    if (entry.state === undefined || entry.stateGeneration !== runtime.generation) {
      entry.state = stateFromEvents(runtime, entry.events);
      entry.stateGeneration = runtime.generation;
    }
    return entry.state;
  }

  #anonymousState(facts: SubjectFactsInput | undefined): SubjectState {
    const runtime = this.#policy.runtime;
    if (hasFacts(facts)) return stateFromEvents(runtime, [], facts);
    if (this.#anonymous?.generation !== runtime.generation) {
      this.#anonymous = { generation: runtime.generation, state: stateFromEvents(runtime, []) };
    }
    return this.#anonymous.state;
  }

  #apply(events: LedgerEvent[]): void {
    this.#cache.applyFeed(events);
    this.#policy.notice(events);
  }
}

function hasSignal(events: readonly LedgerEvent[], signal: PrivacySignal): boolean {
  return events.some((e) => e.type === 'signal-seen' && e.signal === signal);
}

function hasFacts(facts: SubjectFactsInput | undefined): facts is SubjectFactsInput {
  if (facts === undefined) return false;
  for (const value of Object.values(facts)) if (value !== undefined) return true;
  return false;
}
