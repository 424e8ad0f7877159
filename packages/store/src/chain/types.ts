/** SQL types a chained column may have (each has one canonical JSON form, see `canonical.ts`). */
export const CHAIN_COLUMN_TYPES = ['text', 'uuid', 'text[]', 'timestamptz', 'bigint', 'integer'] as const;
export type ChainColumnType = (typeof CHAIN_COLUMN_TYPES)[number];

/** One stored column of a chained record, besides the chain's own columns. */
export interface ChainColumn {
  name: string;
  type: ChainColumnType;
  /** Whether the column may be null (for tables created by `createChainTables`). */
  nullable?: boolean;
}

/** A column value as stored and hashed: timestamps are canonical strings (see `canonicalTime`). */
export type ChainValue = string | number | null | readonly string[];

/** A value to append: a timestamp may be given as a `Date`. */
export type ChainInputValue = ChainValue | Date;

/**
 * A stored record as the chain reads it back: the chain's own columns (`seq`, `format`,
 * `recorded_at`, `prev_hash`, `hash`) and the codec's columns by name, in canonical form.
 */
export interface ChainRecord {
  seq: number;
  format: number;
  /** Canonical UTC time with microseconds, e.g. `2026-01-01T00:00:00.123000Z`. */
  recordedAt: string;
  prevHash: string;
  hash: string;
  values: Readonly<Record<string, ChainValue>>;
}

/** The canonical text one record format hashes. */
export type ChainEncoder = (record: ChainRecord, chain: string) => string;

/**
 * How a chain's records are stored and hashed: its columns in canonical order, the format
 * new records are written in, and an encoder per format it can verify. Formats are never
 * changed once written; a new encoding is a new format number.
 */
export interface ChainCodec {
  columns: readonly ChainColumn[];
  current: number;
  formats: Readonly<Record<number, ChainEncoder>>;
}

/**
 * A hash chain: a table of records (`seq bigint` primary key, `format smallint`,
 * `recorded_at timestamptz`, `prev_hash text`, `hash text`, plus the codec's columns), a head
 * row (`id`, `seq`, `hash`) every writer locks, and a LISTEN/NOTIFY channel announcing the
 * last sequence number after each append.
 */
export interface ChainSpec {
  /** Stable name, part of every canonical record: a record cannot be moved to another chain. */
  name: string;
  table: string;
  head: { table: string; id: number };
  channel: string;
  /** Column identifying a record in fault reports (e.g. `id`). */
  idColumn?: string;
  /** Words of fault messages; default `record`, `records`, `chain`. */
  words?: { one: string; many: string; chain: string };
  codec: ChainCodec;
}

/** What is wrong with a record. */
export const CHAIN_FAULTS = [
  'edited',
  'deleted-before',
  'inserted-or-reordered',
  'truncated',
  'head-mismatch',
  'unknown-format',
  'format-downgraded',
  'rewritten',
  'wiped',
] as const;
export type ChainFault = (typeof CHAIN_FAULTS)[number];

/** One fault found by verification. */
export interface ChainFaultReport {
  fault: ChainFault;
  seq: number;
  /** The record's `idColumn` value, when the chain has one and the record exists. */
  id?: string;
  message: string;
}

/**
 * A point of a chain known from outside the database (a signed checkpoint): the record at
 * `seq` had hash `hash`. Verification against anchors finds a chain recomputed after an edit
 * (`rewritten`), cut short (`truncated`) or emptied (`wiped`), which links alone cannot.
 */
export interface ChainAnchor {
  seq: number;
  hash: string;
  /** How fault messages name the anchor, e.g. `checkpoint of 2026-12-04T22:00:00.000Z`. */
  label?: string;
}

/** Outcome of verifying a chain. */
export type ChainVerification =
  | {
      ok: true;
      records: number;
      /** The head verified: its sequence number and hash. */
      headSeq: number;
      headHash: string;
    }
  | {
      ok: false;
      records: number;
      /** Records verified before the first fault. */
      intact: number;
      /** Faults in chain order, at most `maxFaults` of them. */
      faults: ChainFaultReport[];
      /** How many faults were found in all. */
      faultCount: number;
    };
