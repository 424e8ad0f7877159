import type { Kysely } from 'kysely';
import { digest, GENESIS_HASH } from './canonical.js';
import { chainRecordsSince, readHead } from './read.js';
import type { ChainFaultReport, ChainRecord, ChainSpec, ChainVerification } from './types.js';

const DEFAULT_WORDS = { one: 'record', many: 'records', chain: 'chain' };

/** Options of {@link verifyChain}. */
export interface VerifyOptions {
  /** Records read per query (memory stays bounded by it); default 5000. */
  batchSize?: number;
  /** Faults kept in the result; more are counted and passed to `onFault`. Default 1000. */
  maxFaults?: number;
  /** Called with every fault as it is found, in chain order. */
  onFault?: (fault: ChainFaultReport) => void;
}

/** The faults of one record, given the record expected before it. */
function recordFaults(
  spec: ChainSpec,
  record: ChainRecord,
  expected: { seq: number; prevHash: string; format: number },
): ChainFaultReport[] {
  const { one, many } = spec.words ?? DEFAULT_WORDS;
  const idValue = spec.idColumn ? record.values[spec.idColumn] : undefined;
  const base = { seq: record.seq, ...(typeof idValue === 'string' ? { id: idValue } : {}) };
  const faults: ChainFaultReport[] = [];
  const encode = spec.codec.formats[record.format];
  if (!encode) {
    faults.push({
      ...base,
      fault: 'unknown-format',
      message: `${one} ${record.seq} has unknown format ${record.format}`,
    });
  } else if (record.format < expected.format) {
    faults.push({
      ...base,
      fault: 'format-downgraded',
      message: `${one} ${record.seq} is format ${record.format} after a format ${expected.format} ${one}`,
    });
  }
  if (record.seq > expected.seq) {
    faults.push({
      ...base,
      fault: 'deleted-before',
      message: `${one} ${record.seq} follows ${expected.seq - 1}: ${many} are missing before it`,
    });
  } else if (record.seq < expected.seq) {
    faults.push({
      ...base,
      fault: 'inserted-or-reordered',
      message: `${one} ${record.seq} follows ${expected.seq - 1}: sequence out of order`,
    });
  }
  if (encode && digest(encode(record, spec.name)) !== record.hash) {
    faults.push({
      ...base,
      fault: 'edited',
      message: `${one} ${record.seq} was changed after it was recorded`,
    });
  }
  // A gap already explains a broken link.
  if (record.seq === expected.seq && record.prevHash !== expected.prevHash) {
    faults.push({
      ...base,
      fault: 'inserted-or-reordered',
      message: `${one} ${record.seq} does not link to ${one} ${record.seq - 1}: inserted, replaced or moved`,
    });
  }
  return faults;
}

/**
 * Walks the whole chain in sequence order, `batchSize` records at a time, recomputing every
 * hash (in each record's own format) and link, and reports every fault: an edited record
 * (its hash no longer matches what is stored), a gap (records deleted before it), a broken
 * link (a record inserted or moved), an unknown or downgraded format, and a chain longer or
 * shorter than its head says. After a fault the walk goes on from the record as stored, so
 * one edit is one fault, not one per later record.
 */
export async function verifyChain<T>(
  db: Kysely<T>,
  spec: ChainSpec,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 5000;
  const maxFaults = options.maxFaults ?? 1000;
  const { one, many, chain } = spec.words ?? DEFAULT_WORDS;
  const faults: ChainFaultReport[] = [];
  let faultCount = 0;
  let intact = 0;
  const report = (fault: ChainFaultReport) => {
    if (faultCount === 0) intact = records;
    faultCount += 1;
    if (faults.length < maxFaults) faults.push(fault);
    options.onFault?.(fault);
  };
  const expected = { seq: 1, prevHash: GENESIS_HASH, format: 0 };
  let records = 0;
  let lastSeq = 0;
  for (;;) {
    const batch = await chainRecordsSince(db, spec, lastSeq, batchSize);
    for (const record of batch) {
      for (const fault of recordFaults(spec, record, expected)) report(fault);
      expected.seq = record.seq + 1;
      expected.prevHash = record.hash;
      expected.format = Math.max(expected.format, record.format);
      lastSeq = record.seq;
      records += 1;
    }
    if (batch.length < batchSize) break;
  }
  const head = await readHead(db, spec);
  const headSeq = head?.seq ?? 0;
  if (headSeq < lastSeq) {
    report({
      fault: 'inserted-or-reordered',
      seq: headSeq + 1,
      message: `the chain head records ${headSeq} ${many} but the last is ${lastSeq}: ${one} ${headSeq + 1} and later were added outside the ${chain}`,
    });
  } else if (headSeq > lastSeq) {
    report({
      fault: 'truncated',
      seq: lastSeq + 1,
      message: `the chain head records ${headSeq} ${many} but the last is ${lastSeq}: ${many} after ${lastSeq} were deleted`,
    });
  } else if (head && head.hash !== expected.prevHash) {
    report({
      fault: 'head-mismatch',
      seq: lastSeq,
      message: `the chain head hash does not match the last ${one}`,
    });
  }
  if (faultCount === 0) return { ok: true, records, headHash: expected.prevHash };
  return { ok: false, records, intact, faults, faultCount };
}
