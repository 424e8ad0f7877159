import { fromJson } from '../cache/ledger-event.js';
import type { PledgeClient } from '../client/client.js';
import type { LedgerEvent } from '../client/types.js';

/** Events per change-feed page (the server's maximum). */
const PAGE = 5000;

/**
 * Follows `GET /v1/ledger/changes` from a sequence number: each {@link sync} reads every
 * page after the last event seen and hands the events over in order. Overlapping calls are
 * coalesced: a call during a sync makes it run once more, so a wake-up is never lost.
 */
export class FeedFollower {
  readonly #client: PledgeClient;
  readonly #onEvents: (events: LedgerEvent[]) => void;
  #lastSeq: number;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;

  constructor(client: PledgeClient, lastSeq: number, onEvents: (events: LedgerEvent[]) => void) {
    this.#client = client;
    this.#lastSeq = lastSeq;
    this.#onEvents = onEvents;
  }

  /** Sequence number of the last event handed over. */
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

  /** Stops applying events; resolves when a sync in progress has ended. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#running?.catch(() => undefined);
  }

  async #drain(): Promise<void> {
    for (;;) {
      if (this.#closed) return;
      const page = await this.#client.ledgerChanges({ after: this.#lastSeq, limit: PAGE });
      if (this.#closed) return;
      const events = page.events.map(fromJson).filter((e) => e.seq > this.#lastSeq);
      const last = events[events.length - 1];
      if (last === undefined) return;
      this.#lastSeq = last.seq;
      this.#onEvents(events);
      if (page.events.length < PAGE) return;
    }
  }
}
