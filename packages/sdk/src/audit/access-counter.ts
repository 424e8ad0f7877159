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

/** Int32 words per slot: subject id + 1 (0: empty), purpose, minute, count. */
const WORDS = 4;
/** Most slots a count looks at: the cost of a call stays bounded however full the table is. */
const MAX_PROBES = 32;

/**
 * A fixed-size table of access counts keyed by subject, purpose and minute: open addressing
 * over one preallocated Int32Array (a slot's key and count share a cache line) and one
 * preallocated array of subject hashes written only when a slot is taken, so counting
 * allocates nothing and a repeat touches one slot. Subjects are keyed by a small integer
 * the caller keeps per subject (the SDK's cache entry carries one), with its keyed hash.
 * When a key finds no free slot within a few probes the access is counted as dropped (the
 * owner swaps tables when one is half full, so probes stay short; see `AccessRecorder`).
 */
export class AccessCounter {
  readonly capacity: number;
  readonly #mask: number;
  readonly #slots: Int32Array;
  readonly #subjects: string[];
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
    this.#slots = new Int32Array(size * WORDS);
    this.#subjects = new Array<string>(size).fill('');
    this.#taken = new Int32Array(size);
  }

  /** Slots in use. */
  get used(): number {
    return this.#used;
  }

  /**
   * Counts one access of subject `subject` (a non-negative integer unique to `subjectHash`
   * while counts are held; 0 with `''` for no subject); returns the slots in use afterwards.
   */
  count(subject: number, subjectHash: string, purpose: number, minute: number): number {
    const key = subject + 1;
    const h = Math.imul((key << 6) ^ purpose ^ (minute << 20), 0x9e3779b1);
    const mask = this.#mask;
    const slots = this.#slots;
    let i = (h >>> 12) & mask;
    for (let probe = 0; probe < MAX_PROBES && probe <= mask; probe++) {
      const at = i * WORDS;
      const k = slots[at] as number;
      if (k === key && slots[at + 1] === purpose && slots[at + 2] === minute) {
        slots[at + 3] = (slots[at + 3] as number) + 1;
        return this.#used;
      }
      if (k === 0) {
        slots[at] = key;
        slots[at + 1] = purpose;
        slots[at + 2] = minute;
        slots[at + 3] = 1;
        this.#subjects[i] = subjectHash;
        this.#taken[this.#used++] = i;
        return this.#used;
      }
      i = (i + 1) & mask;
    }
    this.dropped++;
    return this.#used;
  }

  /** Hands every count to `out` in the order first counted and empties the table. */
  drain(out: (access: CountedAccess) => void): void {
    const slots = this.#slots;
    for (let k = 0; k < this.#used; k++) {
      const i = this.#taken[k] as number;
      const at = i * WORDS;
      out({
        subjectHash: this.#subjects[i] as string,
        purpose: slots[at + 1] as number,
        minute: slots[at + 2] as number,
        count: slots[at + 3] as number,
      });
      slots[at] = 0;
      this.#subjects[i] = '';
    }
    this.#used = 0;
  }
}
