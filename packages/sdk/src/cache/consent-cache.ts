import type { SubjectState } from '@pledge/decide';
import type { LedgerEvent } from '../client/types.js';
import { upsertBySeq } from './ledger-event.js';
import { LruMap } from './lru.js';

/** One cached subject: its ledger events (by sequence number) and its state, built on demand. */
export interface CacheEntry {
  readonly hash: string;
  /** Ledger events, sorted by `seq`. */
  readonly events: LedgerEvent[];
  /** State without request facts, for the policy generation `stateGeneration`; undefined: rebuild. */
  state: SubjectState | undefined;
  stateGeneration: number;
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
        for (const event of buffered) upsertBySeq(events, event, true);
        const entry: CacheEntry = { hash, events, state: undefined, stateGeneration: -1 };
        this.#entries.set(hash, entry);
        return entry;
      })
      .finally(() => this.#loading.delete(hash));
    this.#loading.set(hash, { promise, buffered });
    return promise;
  }

  /** Applies change-feed events (authoritative: they replace provisional copies with the same seq). */
  applyFeed(events: readonly LedgerEvent[]): void {
    for (const event of events) {
      const entry = this.#entries.peek(event.subjectHash);
      if (entry) {
        if (upsertBySeq(entry.events, event, true)) entry.state = undefined;
        continue;
      }
      this.#loading.get(event.subjectHash)?.buffered.push(event);
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
