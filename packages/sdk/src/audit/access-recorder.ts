import { AccessCounter, type CountedAccess } from './access-counter.js';

/** One aggregated access as `POST /v1/audit/accesses` takes it. */
export interface AuditAccess {
  /** The subject's keyed hash; omitted for a decision without a subject. */
  subjectHash?: string;
  purpose?: string;
  count: number;
  /** Start of the minute, ISO 8601. */
  windowStart: string;
}

/** Settings of an {@link AccessRecorder}. */
export interface AccessRecorderOptions {
  /** Sends one batch (at most {@link MAX_BATCH} accesses). */
  ship: (accesses: AuditAccess[]) => Promise<unknown>;
  /** Slots per counting table (distinct subject × purpose × minute between flushes); default 8192. */
  capacity?: number;
  /** Longest time between flushes; default 5000 ms. */
  flushMs?: number;
  onError: (error: unknown) => void;
  /** Clock; default `Date.now`. */
  now?: () => number;
}

/** Most accesses per request to the server (its limit). */
export const MAX_BATCH = 1000;
/** How often the clock is read (the minute turned?) and the flush deadline checked. */
const TICK_MS = 1000;
/** Counts waiting to be sent, at most this many tables' worth (beyond: lost, and reported). */
const PENDING_TABLES = 8;

/**
 * Counts the accesses the SDK meets under `log-access` obligations and ships them off the hot
 * path. `note` only counts (per subject and purpose, in a preallocated table of the current
 * minute); a background tick (unref'd: it never keeps the process alive) reads the clock once
 * a second, swaps to the second table when the minute has turned, and flushes every `flushMs`.
 * So an access is counted under the minute the tick last saw: one made up to a second after
 * the turn of a minute may be counted in the minute before. A table half full is swapped for
 * the second one at once (so probes stay short and counting never waits) and a flush is
 * queued. Either swap first moves the second table's counts to the send queue if they were
 * not sent yet. A flush sends the queue in
 * batches; a batch the server refuses or cannot take stays queued for the next flush. The
 * queue holds at most eight tables' worth: beyond that accesses are dropped, counted in
 * `lost` and reported to `onError`. `close` flushes what is left.
 */
export class AccessRecorder {
  #active: AccessCounter;
  #standby: AccessCounter;
  readonly #ship: AccessRecorderOptions['ship'];
  readonly #onError: (error: unknown) => void;
  readonly #now: () => number;
  readonly #flushMs: number;
  readonly #timer: NodeJS.Timeout;
  #minute: number;
  #lastFlush: number;
  /** The purpose ids the counted indexes refer to, and their generation. */
  #ids: readonly string[] = [];
  #generation = -1;
  /** Counts of earlier policy generations or failed sends, waiting for the next flush. */
  #pending: AuditAccess[] = [];
  #flushing: Promise<void> | undefined;
  #flushQueued = false;
  /** Accesses that could not be counted or shipped (never silently: also reported). */
  lost = 0;

  constructor(options: AccessRecorderOptions) {
    const capacity = options.capacity ?? 8192;
    this.#active = new AccessCounter(capacity);
    this.#standby = new AccessCounter(capacity);
    this.#ship = options.ship;
    this.#onError = options.onError;
    this.#now = options.now ?? Date.now;
    this.#flushMs = options.flushMs ?? 5000;
    this.#minute = Math.floor(this.#now() / 60_000);
    this.#active.start(this.#minute);
    this.#lastFlush = this.#now();
    this.#timer = setInterval(() => this.#tick(), Math.min(TICK_MS, this.#flushMs));
    this.#timer.unref();
  }

  /**
   * Counts one access: `subject` is a small integer standing for `subjectHash` while counts
   * are held (0 with `''` for none), `purpose` the index of the purpose in `ids`, the purpose
   * list of the compiled policy of `generation`. Allocation-free unless the policy changed
   * since the last call or a table is half full (then the tables swap and a flush is queued).
   * Reads no clock: the table counts in the minute the background tick last saw.
   */
  note(
    subject: number,
    subjectHash: string,
    purpose: number,
    ids: readonly string[],
    generation: number,
  ): void {
    if (generation !== this.#generation) this.#adopt(ids, generation);
    if (this.#active.count(subject, subjectHash, purpose)) this.#rotate();
  }

  /** Accesses counted and not yet handed to a flush. */
  get counted(): number {
    return this.#active.used;
  }

  /** Sends everything counted so far; resolves when sent (or kept after a failure). */
  flush(): Promise<void> {
    if (this.#flushing) return this.#flushing.then(() => this.flush());
    this.#flushing = this.#send().finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  /** Stops the tick and flushes what is left. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }

  #tick(): void {
    const now = this.#now();
    const minute = Math.floor(now / 60_000);
    if (minute !== this.#minute) {
      this.#minute = minute;
      if (this.#active.used > 0) this.#swap();
      else this.#active.start(minute);
    }
    if (now - this.#lastFlush >= this.#flushMs) void this.flush();
  }

  /** A table half full: swaps and queues a flush. */
  #rotate(): void {
    this.#swap();
    this.#queueFlush();
  }

  /**
   * Swaps in the second table (emptied into the send queue first if not sent yet), counting in
   * the current minute; returns the table swapped out, to be drained by the next flush.
   */
  #swap(): AccessCounter {
    if (this.#standby.used > 0) this.#drain(this.#standby);
    const full = this.#active;
    this.#active = this.#standby;
    this.#active.start(this.#minute);
    this.#standby = full;
    return full;
  }

  #queueFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => {
      this.#flushQueued = false;
      void this.flush();
    });
  }

  /** A new policy generation: counts under the old indexes are resolved with the old ids now. */
  #adopt(ids: readonly string[], generation: number): void {
    if (this.#generation !== -1) this.#drain(this.#active);
    this.#ids = ids;
    this.#generation = generation;
  }

  #drain(counter: AccessCounter): void {
    const ids = this.#ids;
    const out = this.#pending;
    const room = this.#active.capacity * PENDING_TABLES;
    let lost = counter.dropped;
    counter.dropped = 0;
    counter.drain((a: CountedAccess) => {
      if (out.length >= room) {
        lost += a.count;
        return;
      }
      out.push({
        ...(a.subjectHash ? { subjectHash: a.subjectHash } : {}),
        ...(ids[a.purpose] !== undefined ? { purpose: ids[a.purpose] } : {}),
        count: a.count,
        windowStart: new Date(a.minute * 60_000).toISOString(),
      });
    });
    if (lost > 0) {
      this.lost += lost;
      this.#onError(
        new Error(`audit: ${lost} accesses could not be counted or queued (the send queue is full)`),
      );
    }
  }

  async #send(): Promise<void> {
    this.#lastFlush = this.#now();
    this.#drain(this.#swap());
    const batch = this.#pending;
    this.#pending = [];
    for (let i = 0; i < batch.length; i += MAX_BATCH) {
      const chunk = batch.slice(i, i + MAX_BATCH);
      try {
        await this.#ship(chunk);
      } catch (error) {
        this.#onError(error);
        // Kept for the next flush, ahead of what was counted meanwhile (the queue's bound applies when it drains).
        this.#pending = [...batch.slice(i), ...this.#pending];
        return;
      }
    }
  }
}
