import type { FeedFollower } from './follower.js';
import type { ChangeFeed } from './types.js';

/** Keeps the cache fresh by asking the change feed every `intervalMs` (no database access needed). */
export class PollFeed implements ChangeFeed {
  readonly mode = 'poll';
  readonly #follower: FeedFollower;
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(follower: FeedFollower, intervalMs: number, onError: (error: unknown) => void) {
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
    // A cache refresher alone must not keep the process alive.
    this.#timer.unref();
  }
}
