import type { ReadChanges } from './types.js';

/**
 * Follows a chain's change feed from a sequence number: each {@link sync} reads every page
 * after the last record seen and hands the records over in order. Overlapping calls are
 * coalesced: a call during a sync makes it run once more, so a wake-up is never lost.
 */
export class ChainFollower<E extends { seq: number }> {
  readonly #read: ReadChanges<E>;
  readonly #onRecords: (records: E[]) => void;
  readonly #pageSize: number;
  #lastSeq: number;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;

  /** `read` returns at most `pageSize` records after a sequence number. */
  constructor(read: ReadChanges<E>, lastSeq: number, onRecords: (records: E[]) => void, pageSize = 5000) {
    this.#read = read;
    this.#lastSeq = lastSeq;
    this.#onRecords = onRecords;
    this.#pageSize = pageSize;
  }

  /** Sequence number of the last record handed over. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Reads and applies everything after {@link lastSeq}. */
  sync(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const run = async () => {
      try {
        do {
          this.#again = false;
          await this.#drain();
        } while (this.#again && !this.#closed);
      } finally {
        this.#running = undefined;
      }
    };
    this.#running = run();
    return this.#running;
  }

  /** Stops applying records; resolves when a sync in progress has ended. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#running?.catch(() => undefined);
  }

  async #drain(): Promise<void> {
    for (;;) {
      if (this.#closed) return;
      const page = await this.#read(this.#lastSeq, this.#pageSize);
      if (this.#closed) return;
      const records = page.filter((e) => e.seq > this.#lastSeq);
      const last = records[records.length - 1];
      if (last === undefined) return;
      this.#lastSeq = last.seq;
      this.#onRecords(records);
      if (page.length < this.#pageSize) return;
    }
  }
}
