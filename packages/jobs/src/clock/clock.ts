/**
 * Where scheduled work reads the time. Production uses {@link systemClock}; tests pass a
 * {@link ManualClock} and move it, so nothing waits for real time to pass.
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told: fixed at `start` until {@link set} or {@link advance}. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start: Date | string | number) {
    this.#ms = new Date(start).getTime();
    if (Number.isNaN(this.#ms)) throw new RangeError('ManualClock needs a valid start time');
  }

  now(): Date {
    return new Date(this.#ms);
  }

  /** Moves the clock to `at` (backwards too, to test a clock that was wrong). */
  set(at: Date | string | number): void {
    const ms = new Date(at).getTime();
    if (Number.isNaN(ms)) throw new RangeError('ManualClock.set needs a valid time');
    this.#ms = ms;
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.#ms += ms;
  }
}

/** A clock stopped at `at`. */
export function fixedClock(at: Date | string | number): Clock {
  const ms = new Date(at).getTime();
  return { now: () => new Date(ms) };
}
