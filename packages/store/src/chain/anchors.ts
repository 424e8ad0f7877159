import type { ChainAnchor, ChainFaultReport, ChainRecord, ChainSpec } from './types.js';

const DEFAULT_WORDS = { one: 'record', many: 'records', chain: 'chain' };

/**
 * Compares a chain walk with anchors known from outside the database (signed checkpoints),
 * one record at a time: memory holds the anchors, never the records.
 */
export class AnchorCheck {
  readonly #spec: ChainSpec;
  /** Anchors after the walk's start, by ascending sequence number. */
  readonly #anchors: ChainAnchor[];
  #next = 0;

  constructor(spec: ChainSpec, anchors: readonly ChainAnchor[], afterSeq: number) {
    this.#spec = spec;
    this.#anchors = anchors.filter((a) => a.seq > afterSeq).sort((a, b) => a.seq - b.seq);
  }

  /** A `rewritten` fault when `record` is anchored with another hash. */
  check(record: ChainRecord): ChainFaultReport | undefined {
    const { one } = this.#spec.words ?? DEFAULT_WORDS;
    let fault: ChainFaultReport | undefined;
    while (this.#next < this.#anchors.length) {
      const anchor = this.#anchors[this.#next] as ChainAnchor;
      if (anchor.seq > record.seq) break;
      this.#next += 1;
      if (anchor.seq < record.seq || anchor.hash === record.hash || fault) continue;
      const idValue = this.#spec.idColumn ? record.values[this.#spec.idColumn] : undefined;
      fault = {
        fault: 'rewritten',
        seq: record.seq,
        ...(typeof idValue === 'string' ? { id: idValue } : {}),
        message: `${one} ${record.seq} is not the ${one} signed in the ${anchor.label ?? 'checkpoint'}: the chain was rewritten at or before it`,
      };
    }
    return fault;
  }

  /**
   * After the walk ended at `lastSeq`: a `truncated` fault (or `wiped`, when the chain is
   * `empty`) naming the furthest anchor beyond the end, if any.
   */
  beyond(lastSeq: number, empty: boolean): ChainFaultReport | undefined {
    const { many } = this.#spec.words ?? DEFAULT_WORDS;
    const furthest = this.#anchors.at(-1);
    if (!furthest || furthest.seq <= lastSeq) return undefined;
    const signed = `the ${furthest.label ?? 'checkpoint'} signed ${furthest.seq} ${many}`;
    return empty
      ? { fault: 'wiped', seq: 1, message: `${signed} but the chain is empty: it was wiped` }
      : {
          fault: 'truncated',
          seq: lastSeq + 1,
          message: `${signed} but the chain ends at ${lastSeq}: ${many} after ${lastSeq} were deleted`,
        };
  }
}
