/** One counted access, as the counter hands it to a flush. */
export interface CountedAccess {
  /** The subject's keyed hash; empty for a decision without a subject. */
  subjectHash: string;
  /** Index of the purpose in the compiled policy it was counted under. */
  purpose: number;
  /** Minutes since the Unix epoch. */
  minute: number;
  count: number;
}

const EMPTY = -1;

/**
 * A fixed-size table of access counts keyed by subject, purpose and minute: open addressing
 * over preallocated typed arrays and one preallocated array of subject references, so
 * counting allocates nothing. The subject key is a keyed hash (uniformly random base64url),
 * so a few of its characters hash it well. When a key finds no free slot the access is
 * counted as dropped (the owner flushes well before that; see `AccessRecorder`).
 */
export class AccessCounter {
  readonly capacity: number;
  readonly #mask: number;
  readonly #subjects: string[];
  readonly #purposes: Int32Array;
  readonly #minutes: Int32Array;
  readonly #counts: Uint32Array;
  /** Occupied slots, in the order they were taken (drained in this order). */
  readonly #taken: Int32Array;
  #used = 0;
  /** Accesses not counted because the table was full. */
  dropped = 0;

  /** `capacity` is rounded up to a power of two. */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity) size <<= 1;
    this.capacity = size;
    this.#mask = size - 1;
    this.#subjects = new Array<string>(size).fill('');
    this.#purposes = new Int32Array(size).fill(EMPTY);
    this.#minutes = new Int32Array(size);
    this.#counts = new Uint32Array(size);
    this.#taken = new Int32Array(size);
  }

  /** Slots in use. */
  get used(): number {
    return this.#used;
  }

  /** Counts one access; returns the slots in use afterwards (the caller's flush trigger). */
  count(subjectHash: string, purpose: number, minute: number): number {
    const length = subjectHash.length;
    let h = Math.imul(purpose + 1, 0x9e3779b1) ^ Math.imul(minute, 0x85ebca6b);
    if (length > 0) {
      h ^= subjectHash.charCodeAt(0) | (subjectHash.charCodeAt(length >> 1) << 8);
      h ^= (subjectHash.charCodeAt(length - 1) << 16) | (subjectHash.charCodeAt(length >> 2) << 24);
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    }
    const mask = this.#mask;
    let i = (h ^ (h >>> 13)) & mask;
    for (let probe = 0; probe <= mask; probe++) {
      const p = this.#purposes[i] as number;
      if (p === EMPTY) {
        this.#purposes[i] = purpose;
        this.#minutes[i] = minute;
        this.#subjects[i] = subjectHash;
        this.#counts[i] = 1;
        this.#taken[this.#used++] = i;
        return this.#used;
      }
      if (p === purpose && this.#minutes[i] === minute && this.#subjects[i] === subjectHash) {
        this.#counts[i] = (this.#counts[i] as number) + 1;
        return this.#used;
      }
      i = (i + 1) & mask;
    }
    this.dropped++;
    return this.#used;
  }

  /** Hands every count to `out` in the order first counted and empties the table. */
  drain(out: (access: CountedAccess) => void): void {
    for (let k = 0; k < this.#used; k++) {
      const i = this.#taken[k] as number;
      out({
        subjectHash: this.#subjects[i] as string,
        purpose: this.#purposes[i] as number,
        minute: this.#minutes[i] as number,
        count: this.#counts[i] as number,
      });
      this.#purposes[i] = EMPTY;
      this.#subjects[i] = '';
    }
    this.#used = 0;
  }
}
