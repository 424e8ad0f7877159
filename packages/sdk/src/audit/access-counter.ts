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

/** Int32 words per slot: subject id + 1 (0: empty), purpose, count, unused (a slot never straddles a cache line). */
const WORDS = 4;
/** Most slots a count looks at: the cost of a call stays bounded however full the table is. */
const MAX_PROBES = 32;

/**
 * A fixed-size table of the access counts of one minute, keyed by subject and purpose: open
 * addressing over one preallocated Int32Array (a slot's key and count share a cache line) and
 * one preallocated array of subject hashes written only when a slot is taken, so counting
 * allocates nothing and a repeat touches one slot. The minute is the table's, not part of the
 * key: the owner starts a table on a minute and moves to another table when the minute turns
 * (see `AccessRecorder`). Subjects are keyed by a small integer the caller keeps per subject
 * (the SDK's cache entry carries one), with its keyed hash. When a key finds no free slot
 * within a few probes the access is counted as dropped (the owner swaps tables when one is
 * half full, so probes stay short).
 */
export class AccessCounter {
  readonly capacity: number;
  readonly #mask: number;
  /** 32 − log2(capacity): the hash's top bits pick the first slot. */
  readonly #shift: number;
  /** Slots a count looks at: {@link MAX_PROBES}, or every slot of a smaller table. */
  readonly #probes: number;
  readonly #slots: Int32Array;
  readonly #subjects: string[];
  /** Occupied slots, in the order they were taken (drained in this order). */
  readonly #taken: Int32Array;
  #used = 0;
  /** Slots in use from which the table counts as full enough to swap (half of them). */
  readonly #half: number;
  #minute = 0;
  /** Accesses not counted because the table was full. */
  dropped = 0;

  /** `capacity` is rounded up to a power of two. */
  constructor(capacity: number) {
    let size = 16;
    let bits = 4;
    while (size < capacity) {
      size <<= 1;
      bits++;
    }
    this.capacity = size;
    this.#mask = size - 1;
    this.#shift = 32 - bits;
    this.#probes = Math.min(MAX_PROBES, size);
    this.#half = size >> 1;
    this.#slots = new Int32Array(size * WORDS);
    this.#subjects = new Array<string>(size).fill('');
    this.#taken = new Int32Array(size);
  }

  /** Slots in use. */
  get used(): number {
    return this.#used;
  }

  /** Minutes since the Unix epoch this table counts in. */
  get minute(): number {
    return this.#minute;
  }

  /** Makes the table count in `minute` (minutes since the epoch); throws unless it is empty. */
  start(minute: number): void {
    if (this.#used !== 0)
      throw new Error('audit: a counting table must be drained before it starts a new minute');
    this.#minute = minute;
  }

  /**
   * Counts one access of subject `subject` (a non-negative integer unique to `subjectHash`
   * while counts are held; 0 with `''` for no subject) in the table's minute; returns the
   * true when that took a slot and the table is now at least half full (time to swap it: the
   * fuller a table of open addressing, the longer its probes).
   */
  count(subject: number, subjectHash: string, purpose: number): boolean {
    const key = subject + 1;
    const mask = this.#mask;
    const slots = this.#slots;
    let i = (Math.imul(key, 0x9e3779b1) ^ Math.imul(purpose, 0x85ebca77)) >>> this.#shift;
    const probes = this.#probes;
    for (let probe = 0; probe < probes; probe++) {
      const at = i * WORDS;
      const k = slots[at] as number;
      if (k === key && slots[at + 1] === purpose) {
        slots[at + 2] = (slots[at + 2] as number) + 1;
        return false;
      }
      if (k === 0) {
        slots[at] = key;
        slots[at + 1] = purpose;
        slots[at + 2] = 1;
        this.#subjects[i] = subjectHash;
        this.#taken[this.#used] = i;
        return ++this.#used >= this.#half;
      }
      i = (i + 1) & mask;
    }
    this.dropped++;
    return true;
  }

  /** Hands every count to `out` in the order first counted and empties the table. */
  drain(out: (access: CountedAccess) => void): void {
    const slots = this.#slots;
    const minute = this.#minute;
    for (let k = 0; k < this.#used; k++) {
      const i = this.#taken[k] as number;
      const at = i * WORDS;
      out({
        subjectHash: this.#subjects[i] as string,
        purpose: slots[at + 1] as number,
        minute,
        count: slots[at + 2] as number,
      });
      slots[at] = 0;
      this.#subjects[i] = '';
    }
    this.#used = 0;
  }
}
