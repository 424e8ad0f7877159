import type { Syncable } from './listen-feed.js';
import type { ChangeFeed } from './types.js';

/** Keeps a follower fresh by syncing every `intervalMs` (no database connection needed). */
export class PollFeed implements ChangeFeed {
  readonly mode = 'poll';
  readonly #follower: Syncable;
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(follower: Syncable, intervalMs: number, onError: (error: unknown) => void) {
    this.#follower = follower;
    this.#intervalMs = intervalMs;
    this.#onError = onError;
  }

  async start(): Promise<void> {
    this.#schedule();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#follower.close();
  }

  #schedule(): void {
    if (this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#follower
        .sync()
        .catch(this.#onError)
        .finally(() => this.#schedule());
    }, this.#intervalMs);
    // A refresher alone must not keep the process alive.
    this.#timer.unref();
  }
}
