import { hasActiveApiKeys } from '@pledge/auth';
import type { Store } from '@pledge/store';

/** How long an answer to "does any key exist?" is reused, ms. */
const TTL_MS = 1000;

/**
 * Whether any API key is active, asked of the store at most once a second (a key created or
 * revoked by another process, e.g. `pledge keys` on PostgreSQL, counts within that second);
 * the server's own key routes call {@link KeyPresence.invalidate} so their changes count at once.
 */
export class KeyPresence {
  readonly #store: Store;
  #cached: { at: number; value: Promise<boolean> } | undefined;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Whether an active key exists. */
  any(): Promise<boolean> {
    const now = Date.now();
    if (!this.#cached || now - this.#cached.at >= TTL_MS) {
      const value = hasActiveApiKeys(this.#store);
      this.#cached = { at: now, value };
      // A failed check is not reused.
      value.catch(() => {
        if (this.#cached?.value === value) this.#cached = undefined;
      });
    }
    return this.#cached.value;
  }

  /** Forgets the cached answer (after this server created or revoked a key). */
  invalidate(): void {
    this.#cached = undefined;
  }
}
