import type { Kysely } from 'kysely';
import { canonicalTime, canonicalValue, digest } from './canonical.js';
import { type ChainRowToInsert, insertChainRows } from './insert.js';
import { lockHead } from './read.js';
import { assertStorable, type UnstorableTextError } from './storable.js';
import type { ChainInputValue, ChainRecord, ChainSpec, ChainValue } from './types.js';

/** Rows per INSERT statement: each column travels as one array parameter. */
const ROWS_PER_STATEMENT = 5000;

/** A record appended: its sequence number and hash. */
export interface Appended {
  seq: number;
  hash: string;
}

/** Options of {@link appendToChain}. */
export interface AppendOptions {
  /** The recording time (the application's clock, hashed with the record); default now. */
  now?: () => Date;
}

/**
 * Appends records to a chain in the codec's current format, in one transaction. The head
 * row is locked (`FOR UPDATE`), so concurrent writers, in one process or many, queue behind
 * each other and the chain can never fork. A batch costs the lock and one statement per
 * 5,000 records that inserts them, moves the head and announces the new head (LISTEN/NOTIFY).
 * Each record's recording time is set here, not by a database default, and is hashed.
 * Text the database cannot store exactly as given (NUL, a lone surrogate, a byte-order mark)
 * throws {@link UnstorableTextError} before anything is written.
 */
export async function appendToChain<T>(
  db: Kysely<T>,
  spec: ChainSpec,
  records: ReadonlyArray<Readonly<Record<string, ChainInputValue | undefined>>>,
  options: AppendOptions = {},
): Promise<Appended[]> {
  if (records.length === 0) return [];
  return db.transaction().execute((trx) => appendInTransaction(trx, spec, records, options));
}

/**
 * {@link appendToChain} inside a transaction the caller holds (e.g. one that checked the
 * chain's records under the head lock before appending): locks the head (again, which is a
 * no-op when the caller already did) and appends. The caller commits.
 */
export async function appendInTransaction<T>(
  trx: Kysely<T>,
  spec: ChainSpec,
  records: ReadonlyArray<Readonly<Record<string, ChainInputValue | undefined>>>,
  options: AppendOptions = {},
): Promise<Appended[]> {
  if (records.length === 0) return [];
  const encode = spec.codec.formats[spec.codec.current];
  if (!encode) throw new Error(`chain ${spec.name} has no encoder for its format ${spec.codec.current}`);
  const head = await lockHead(trx, spec);
  let seq = head.seq;
  let prev = head.hash;
  const recordedAt = canonicalTime((options.now ?? (() => new Date()))());
  const rows: ChainRowToInsert[] = [];
  for (const input of records) {
    seq += 1;
    const values: Record<string, ChainValue> = {};
    for (const column of spec.codec.columns) values[column.name] = canonicalValue(column, input[column.name]);
    assertStorable(seq - head.seq - 1, values);
    const record: ChainRecord = {
      seq,
      format: spec.codec.current,
      recordedAt,
      prevHash: prev,
      hash: '',
      values,
    };
    const hash = digest(encode(record, spec.name));
    rows.push({ ...record, hash });
    prev = hash;
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const last = i + ROWS_PER_STATEMENT >= rows.length;
    await insertChainRows(
      trx,
      spec,
      rows.slice(i, i + ROWS_PER_STATEMENT),
      last ? { seq, hash: prev } : undefined,
    );
  }
  return rows.map((r) => ({ seq: r.seq, hash: r.hash }));
}
