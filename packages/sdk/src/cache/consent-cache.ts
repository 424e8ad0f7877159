import type { SubjectState } from '@pledge/decide';
import type { LedgerEvent } from '../client/types.js';
import { upsertBySeq } from './ledger-event.js';
import { LruMap } from './lru.js';

/** One cached subject: its ledger events (by sequence number) and its state, built on demand. */
export interface CacheEntry {
  readonly hash: string;
  /** A small integer unique to this entry: what the access counter keys the subject by. */
  readonly auditId: number;
  /** The subject's ledger pseudonym, once it has events. */
  pseudonym: string | undefined;
  /** Ledger events, sorted by `seq`. */
  readonly events: LedgerEvent[];
  /** State without request facts, for the policy generation `stateGeneration`; undefined: rebuild. */
  state: SubjectState | undefined;
  stateGeneration: number;
}

let lastAuditId = 0;
/** The next entry's audit id (0 stands for no subject; wraps long before 2^31). */
function nextAuditId(): number {
  lastAuditId = lastAuditId >= 0x7ffffffe ? 1 : lastAuditId + 1;
  return lastAuditId;
}

interface Loading {
  promise: Promise<CacheEntry>;
  /** Feed events for this subject that arrived while its events were being fetched. */
  buffered: LedgerEvent[];
}

/**
 * The SDK's consent cache: subject hash → ledger events, bounded LRU. Subjects are fetched
 * on first use; the change feed then updates only the subjects cached (or being fetched:
 * their feed events are buffered and merged, so nothing committed during the fetch is lost).
 */
export class ConsentCache {
  readonly #entries: LruMap<string, CacheEntry>;
  readonly #loading = new Map<string, Loading>();

  constructor(capacity: number) {
    this.#entries = new LruMap(capacity);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The entry, marked as recently used; undefined when not cached. */
  get(hash: string): CacheEntry | undefined {
    return this.#entries.get(hash);
  }

  has(hash: string): boolean {
    return this.#entries.has(hash);
  }

  /** The cached entry, or fetches the subject's events once (concurrent callers share the fetch). */
  load(hash: string, fetchEvents: () => Promise<LedgerEvent[]>): Promise<CacheEntry> {
    const cached = this.#entries.get(hash);
    if (cached) return Promise.resolve(cached);
    const pending = this.#loading.get(hash);
    if (pending) return pending.promise;
    const buffered: LedgerEvent[] = [];
    const promise = fetchEvents()
      .then((fetched) => {
        const events = [...fetched].sort((a, b) => a.seq - b.seq);
        const pseudonym = events[events.length - 1]?.pseudonym;
        const entry: CacheEntry = {
          hash,
          auditId: nextAuditId(),
          pseudonym,
          events,
          state: undefined,
          stateGeneration: -1,
        };
        for (const event of buffered) applyToEntry(entry, event);
        this.#entries.set(hash, entry);
        return entry;
      })
      .finally(() => this.#loading.delete(hash));
    this.#loading.set(hash, { promise, buffered });
    return promise;
  }

  /**
   * Applies change-feed events (authoritative: they replace provisional copies with the same
   * seq). An event of a forgotten subject (no subject hash) belongs to nobody; a newer event
   * under another pseudonym means the subject was forgotten and started again, so the events
   * of the old pseudonym leave its entry.
   */
  applyFeed(events: readonly LedgerEvent[]): void {
    for (const event of events) {
      const hash = event.subjectHash;
      if (hash === null) continue;
      const entry = this.#entries.peek(hash);
      if (entry) {
        applyToEntry(entry, event);
        continue;
      }
      this.#loading.get(hash)?.buffered.push(event);
    }
  }

  /**
   * Adds events this process just recorded, before the feed brings them back: kept only
   * when the feed has not delivered that sequence number already. No-op for uncached subjects.
   */
  addRecorded(hash: string, events: readonly LedgerEvent[]): void {
    const entry = this.#entries.peek(hash);
    if (!entry) return;
    for (const event of events) if (upsertBySeq(entry.events, event, false)) entry.state = undefined;
  }

  /** Replaces a cached subject's events with a fresh read, keeping any newer feed events. */
  refresh(hash: string, fetched: readonly LedgerEvent[]): void {
    const entry = this.#entries.peek(hash);
    if (!entry) return;
    for (const event of fetched) upsertBySeq(entry.events, event, true);
    entry.state = undefined;
  }

  /** Forgets every subject. */
  clear(): void {
    this.#entries.clear();
  }
}

/** Merges one authoritative event into an entry (see `ConsentCache.applyFeed`). */
function applyToEntry(entry: CacheEntry, event: LedgerEvent): void {
  if (entry.pseudonym !== event.pseudonym) {
    const latest = entry.events[entry.events.length - 1];
    // An older event under another pseudonym is a feed page read before the subject was
    // forgotten: the entry already holds the newer life.
    if (latest !== undefined && latest.seq > event.seq && entry.pseudonym !== undefined) return;
    const old = entry.pseudonym;
    if (old !== undefined) {
      for (let i = entry.events.length - 1; i >= 0; i -= 1) {
        if (entry.events[i]?.pseudonym === old) entry.events.splice(i, 1);
      }
    }
    entry.pseudonym = event.pseudonym;
    entry.state = undefined;
  }
  if (upsertBySeq(entry.events, event, true)) entry.state = undefined;
}
