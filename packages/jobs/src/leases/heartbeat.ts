/** Thrown by a {@link Heartbeat} once another worker has taken the lease over. */
export class LeaseLost extends Error {
  constructor() {
    super('the lease was taken over by another worker');
    this.name = 'LeaseLost';
  }
}

/**
 * Keeps a lease fresh by time, not after every unit of work: {@link beat} renews at most once
 * per `min(1000, staleAfterMs / 4)` ms, often enough that the lease never looks stale to
 * another worker, while a lost lease still stops this one soon. Elapsed time is measured on
 * the monotonic clock, which wall-clock changes do not move.
 */
export class Heartbeat {
  readonly #renew: () => Promise<boolean>;
  readonly #everyMs: number;
  #at = performance.now();

  /** `renew` refreshes the lease and says whether this worker still holds it. */
  constructor(renew: () => Promise<boolean>, staleAfterMs: number) {
    this.#renew = renew;
    this.#everyMs = Math.min(1000, staleAfterMs / 4);
  }

  /** Renews the lease when due; throws {@link LeaseLost} when it was taken over. */
  async beat(): Promise<void> {
    if (performance.now() - this.#at < this.#everyMs) return;
    if (!(await this.#renew())) throw new LeaseLost();
    this.#at = performance.now();
  }
}
