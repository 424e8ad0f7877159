import type { ConsentSource, Manifest } from '@pledge/core';
import { renewalCheck } from '@pledge/core';
import {
  type CompiledPolicy,
  compilePolicy,
  type Decision,
  decide,
  type SubjectEvent,
  type SubjectState,
  subjectStateFromEvents,
} from '@pledge/decide';
import type { ConsentEventBody, DecideBody } from '@pledge/protocol';
import {
  type AppendAuditResult,
  type AppendResult,
  appendEvents,
  eventsOfSubject,
  eventsSince,
  findPolicy,
  forgetSubject,
  type LedgerEvent,
  type LedgerEventInput,
  type LedgerVerification,
  latestPolicy,
  latestPolicyHash,
  listPolicies,
  manifestHash,
  migrateToLatest,
  type PolicyVersion,
  type PublishOptions,
  type PublishResult,
  publishPolicy,
  resolveSubjectKey,
  type Store,
  type SubjectKeyOptions,
  type SubjectKeySource,
  subjectHash,
  subjectKeyFingerprint,
  type VerifyOptions,
  verifyLedger,
} from '@pledge/store';
import { recordAccesses, type SubjectAccess } from './audit.js';
import { decideBatch } from './decide-batch.js';
import { decisionRequest } from './decision-request.js';
import { type EngineRefusal, eventTimeRefusal } from './event-time.js';
import { type UnknownIdCode, unknownIdRefusal } from './known-ids.js';
import { type PublishRefusal, PublishRefusedError, publishCheck } from './publish-check.js';
import { toRenewalVersion } from './renewal.js';

/** Options of {@link createEngine}. */
export interface EngineOptions {
  store: Store;
  /** Manifest to run; published as a policy version if it is new. */
  manifest: Manifest;
  /**
   * Key for subject hashes (PLEDGE_SUBJECT_KEY), or where to find it; checked against the
   * fingerprint the store holds. Omitted: production mode (PostgreSQL) refuses to open, the
   * embedded store uses its key file (see `loadSubjectKey` of @pledge/store).
   */
  subjectKey?: string | SubjectKeySource | SubjectKeyOptions;
}

/** The policy in force: its manifest, compiled form and published version. */
export interface ActivePolicy {
  manifest: Manifest;
  compiled: CompiledPolicy;
  version: PolicyVersion;
}

/** Facts the caller knows about a subject at decision time. */
export interface SubjectFactsInput {
  jurisdiction?: SubjectState['jurisdiction'];
  /** Country of residence (ISO 3166-1 alpha-2), for national ages of digital consent. */
  region?: string;
  age?: number;
  gpc?: boolean;
  dnt?: boolean;
}

/** Outcome of {@link Engine.record}: the events appended, or why none was. */
export type RecordResult =
  | ({ ok: true } & AppendResult)
  | EngineRefusal<'event.time-out-of-window' | UnknownIdCode>;

/** Outcome of {@link Engine.publishPolicy}. */
export type PublishPolicyResult =
  | {
      ok: true;
      /** False when this manifest was already published (nothing stored). */
      created: boolean;
      /** The version of this manifest (not brought back into force when it is an older one). */
      version: PolicyVersion;
    }
  | PublishRefusal;

/** A running {@link Engine.startPolicySync} loop. */
export interface PolicySync {
  /** Stops the loop and waits for a check in flight. */
  stop(): Promise<void>;
}

const GIVEN_MODES = new Set(['implied', 'opt-in', 'separate']);

/** Reduces a stored ledger event to what the decision engine reads. */
export function toSubjectEvent(event: LedgerEvent): SubjectEvent {
  const mode = event.consentMode && GIVEN_MODES.has(event.consentMode) ? event.consentMode : undefined;
  return {
    type: event.type,
    at: event.occurredAt.toISOString(),
    purposes: event.purposes.length > 0 ? event.purposes : undefined,
    categories: event.categories.length > 0 ? event.categories : undefined,
    policyVersion: event.policyVersion,
    mode: mode as SubjectEvent['mode'],
    signal: event.signal,
  };
}

/**
 * Pledge's service layer over one store and one policy. The HTTP server and the CLI are
 * thin shells over these methods.
 */
export class Engine {
  readonly store: Store;
  readonly #key: string;
  #active: ActivePolicy;
  #versions: PolicyVersion[];
  #needsRenewal: (version: string, purpose: string | undefined) => boolean;
  /** Subjects whose use was already recorded as acceptance of the current version. */
  readonly #accepted = new Set<string>();
  /** The policy sync in flight, shared by concurrent callers. */
  #syncing: Promise<boolean> | undefined;

  private constructor(store: Store, key: string, active: ActivePolicy, versions: PolicyVersion[]) {
    this.store = store;
    this.#key = key;
    this.#active = active;
    this.#versions = versions;
    this.#needsRenewal = renewalCheck(versions.map(toRenewalVersion));
  }

  /**
   * Opens an engine: migrates the store, publishes the manifest if new (through the same
   * checks as {@link publishPolicy}; a refusal throws a {@link PublishRefusedError} naming
   * each lint rule and path at fault), compiles it.
   */
  static async open(options: EngineOptions): Promise<Engine> {
    await migrateToLatest(options.store.db);
    const key = await resolveSubjectKey(options.store, options.subjectKey);
    const published = await checkedPublish(options.store.db, options.manifest);
    if (!published.ok) throw new PublishRefusedError(published);
    const versions = await listPolicies(options.store.db);
    return new Engine(
      options.store,
      key,
      { manifest: options.manifest, compiled: compilePolicy(options.manifest), version: published.policy },
      versions,
    );
  }

  /** The policy in force. */
  get policy(): ActivePolicy {
    return this.#active;
  }

  /** Every published version, oldest first. */
  get versions(): readonly PolicyVersion[] {
    return this.#versions;
  }

  /** The keyed hash that the subject map links to the subject's ledger pseudonym. */
  subjectHash(subject: string): string {
    return subjectHash(this.#key, subject);
  }

  /** Fingerprint of the subject key (never the key): what other processes are checked against. */
  get subjectKeyFingerprint(): string {
    return subjectKeyFingerprint(this.#key);
  }

  /**
   * Forgets a subject (erasure, deregistration): deletes the link from its identifier to its
   * ledger pseudonym. The chain keeps verifying; nobody can link its events to the person any
   * more, and recording again under the same identifier starts a new pseudonym. Returns
   * whether the subject had one.
   */
  async forgetSubject(subject: string): Promise<boolean> {
    const hash = this.subjectHash(subject);
    for (const marker of this.#accepted) if (marker.startsWith(`${hash}:`)) this.#accepted.delete(marker);
    return forgetSubject(this.store.db, this.#key, subject);
  }

  /**
   * Publishes a manifest for every caller (the API, the CLI, workers). A manifest not
   * published before is refused, as a value and before anything is stored, when it has lint
   * errors its `lintOverrides` do not accept (`manifest.lint-errors`, with every such error),
   * when the decision compiler cannot use it (`manifest.uncompilable`), or when its version
   * label was already published with other content (`policy.version-label-reused`). Then it
   * is published, with the lint errors it accepts, and the latest published version is made
   * the one in force, so a manifest equal to an older version does not bring that one back.
   */
  async publishPolicy(manifest: Manifest): Promise<PublishPolicyResult> {
    const result = await checkedPublish(this.store.db, manifest, this.#active.manifest);
    if (!result.ok) return result;
    await this.adopt(manifest, result);
    await this.syncPolicy();
    return { ok: true, created: result.created, version: result.policy };
  }

  /**
   * Makes the latest published version the one in force when another process (a worker or
   * server sharing the PostgreSQL database) published one since. Concurrent calls share one
   * check. Returns whether the policy in force changed.
   */
  syncPolicy(): Promise<boolean> {
    this.#syncing ??= (async () => {
      const head = await latestPolicyHash(this.store.db);
      if (!head || head === this.#active.version.hash) return false;
      const latest = await latestPolicy(this.store.db);
      if (!latest) return false;
      // Publishing a stored manifest again creates nothing: it only makes it the one in force.
      await this.publish(latest.manifest);
      return true;
    })().finally(() => {
      this.#syncing = undefined;
    });
    return this.#syncing;
  }

  /** Runs {@link syncPolicy} every `intervalMs` (the timer does not keep the process alive). */
  startPolicySync(intervalMs: number, onError?: (error: unknown) => void): PolicySync {
    const timer = setInterval(() => {
      this.syncPolicy().catch((error: unknown) => onError?.(error));
    }, intervalMs);
    timer.unref();
    return {
      stop: async () => {
        clearInterval(timer);
        await this.#syncing?.catch(() => undefined);
      },
    };
  }

  /**
   * Publishes a new version and makes it the one in force, without the lint gate (see
   * {@link publishPolicy}); a version label used for other content is still refused.
   */
  async publish(manifest: Manifest, options: PublishOptions = {}): Promise<PublishResult> {
    const result = await publishPolicy(this.store.db, manifest, options);
    if (result.ok) await this.adopt(manifest, result);
    return result;
  }

  /** Makes a published version the one in force. */
  private async adopt(manifest: Manifest, result: Extract<PublishResult, { ok: true }>): Promise<void> {
    this.#versions = await listPolicies(this.store.db);
    this.#needsRenewal = renewalCheck(this.#versions.map(toRenewalVersion));
    this.#active = { manifest, compiled: compilePolicy(manifest), version: result.policy };
    this.#accepted.clear();
  }

  /**
   * Appends events for one subject, stamped with the policy version in force. An event whose
   * `occurredAt` lies outside 1970-01-01 .. five minutes from now, or that names a purpose or
   * category the policy in force does not declare, is refused (nothing is appended), whoever
   * the caller is.
   */
  async record(subject: string, events: readonly ConsentEventBody[]): Promise<RecordResult> {
    const refusal = eventTimeRefusal(events) ?? unknownIdRefusal(this.#active.manifest, events);
    if (refusal) return refusal;
    const { version } = this.#active;
    const inputs: LedgerEventInput[] = events.map((e) => ({
      ...e,
      subject,
      method: e.method ?? 'api',
      source: e.source ?? 'api',
      actor: e.actor ?? 'subject',
      policyVersion: version.version,
      policyHash: version.hash,
    }));
    return { ok: true, ...(await appendEvents(this.store.db, this.#key, inputs)) };
  }

  /**
   * Records use of the service as acceptance of the policy in force, where the manifest
   * says use means acceptance: once per subject and version. Returns whether it recorded.
   */
  async recordUse(subject: string, source: ConsentSource = 'use-of-service'): Promise<boolean> {
    if (this.#active.manifest.policy.useMeansAcceptance === 'no') return false;
    const hash = this.subjectHash(subject);
    const marker = `${hash}:${this.#active.version.hash}`;
    if (this.#accepted.has(marker)) return false;
    const events = await eventsOfSubject(this.store.db, hash);
    const already = events.some(
      (e) => e.type === 'policy-accepted' && e.policyHash === this.#active.version.hash,
    );
    this.#accepted.add(marker);
    if (already) return false;
    await this.record(subject, [
      { type: 'policy-accepted', method: 'use-of-service', source, actor: 'subject' },
    ]);
    return true;
  }

  /** The subject's ledger events, oldest first. */
  events(subject: string): Promise<LedgerEvent[]> {
    return eventsOfSubject(this.store.db, this.subjectHash(subject));
  }

  /** Subject state for decisions, from the ledger and the published versions. */
  async state(subject: string | undefined, facts: SubjectFactsInput = {}): Promise<SubjectState> {
    const events = subject === undefined ? [] : await this.events(subject);
    return this.stateFromEvents(events, facts);
  }

  /** Subject state from events already read (the SDK's cache uses this). */
  stateFromEvents(events: readonly LedgerEvent[], facts: SubjectFactsInput = {}): SubjectState {
    const signals = { gpc: facts.gpc, dnt: facts.dnt };
    return subjectStateFromEvents(this.#active.compiled, events.map(toSubjectEvent), {
      ...facts,
      ...signals,
      needsRenewal: this.#needsRenewal,
    });
  }

  /** Decides one request for one subject. */
  async decide(body: DecideBody): Promise<Decision> {
    const state = await this.state(body.subject, body.facts);
    return decide(this.#active.compiled, decisionRequest(body), state);
  }

  /** Decides many requests against one policy version, reading each distinct subject's events once. */
  decideBatch(requests: readonly DecideBody[]): Promise<Decision[]> {
    return decideBatch(this, requests);
  }

  /** Verifies the whole ledger chain. */
  verify(options: VerifyOptions = {}): Promise<LedgerVerification> {
    return verifyLedger(this.store.db, options);
  }

  /**
   * Records accesses to personal data in the audit log (see {@link recordAccesses}): the
   * subject named by identifier is stored as its pseudonym only.
   */
  recordAccess(accesses: readonly SubjectAccess[]): Promise<AppendAuditResult> {
    return recordAccesses(this.store.db, this.#key, accesses);
  }

  /** Ledger events after a sequence number: the feed consent caches follow. */
  changesSince(afterSeq: number, limit = 1000): Promise<LedgerEvent[]> {
    return eventsSince(this.store.db, afterSeq, limit);
  }
}

/**
 * Publishes a manifest through the publish checks: one already published is found by its
 * hash and not checked again (a later Pledge's new lint rule never stops a restart); a new
 * one must pass {@link publishCheck}, and is stored with the lint errors it accepts.
 */
async function checkedPublish(
  db: Store['db'],
  manifest: Manifest,
  current?: Manifest,
): Promise<PublishResult | PublishRefusal> {
  const stored = await findPolicy(db, manifestHash(manifest));
  if (stored) return { ok: true, created: false, policy: stored };
  const check = publishCheck(current, manifest);
  if (!check.ok) return check;
  return publishPolicy(db, manifest, { acceptedLint: check.acceptedLint });
}

/** Opens an {@link Engine}. */
export function createEngine(options: EngineOptions): Promise<Engine> {
  return Engine.open(options);
}
