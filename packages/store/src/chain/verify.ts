import type { Kysely } from 'kysely';
import { AnchorCheck } from './anchors.js';
import { digest, GENESIS_HASH } from './canonical.js';
import { chainRecordsSince, lastStoredSeq, readHead } from './read.js';
import type { ChainAnchor, ChainFaultReport, ChainRecord, ChainSpec, ChainVerification } from './types.js';

const DEFAULT_WORDS = { one: 'record', many: 'records', chain: 'chain' };

/** Options of {@link verifyChain}. */
export interface VerifyOptions {
  /** Records read per query (memory stays bounded by it); default 5000. */
  batchSize?: number;
  /** Faults kept in the result; more are counted and passed to `onFault`. Default 1000. */
  maxFaults?: number;
  /** Called with every fault as it is found, in chain order. */
  onFault?: (fault: ChainFaultReport) => void;
  /** Points known from outside the database (signed checkpoints), in any order. */
  anchors?: readonly ChainAnchor[];
  /** Start after this verified point instead of the genesis (checkpoints do, to sign a head). */
  from?: { seq: number; hash: string };
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
 * Walks the chain in sequence order, `batchSize` records at a time (memory stays bounded),
 * recomputing every hash (in each record's own format) and link, and reports every fault: an
 * edited record (its hash no longer matches what is stored), a gap (records deleted before
 * it), a broken link (a record inserted or moved), an unknown or downgraded format, and a
 * chain longer or shorter than its head says. After a fault the walk goes on from the record
 * as stored, so one edit is one fault, not one per later record.
 *
 * The head is read first and the walk stops at it, so appends made meanwhile (a running
 * server) are neither faults nor verified. With `anchors` (signed checkpoints), a record whose
 * hash differs from its anchor's is `rewritten` (the chain was recomputed after an edit), and a
 * chain that ends before an anchor is `truncated` (or `wiped` when empty). With `from`, the
 * walk starts after a point already verified (it must link to it).
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
  let records = 0;
  const report = (fault: ChainFaultReport) => {
    if (faultCount === 0) intact = records;
    faultCount += 1;
    if (faults.length < maxFaults) faults.push(fault);
    options.onFault?.(fault);
  };
  const head = await readHead(db, spec);
  const headSeq = head?.seq ?? 0;
  const start = options.from ?? { seq: 0, hash: GENESIS_HASH };
  const anchors = new AnchorCheck(spec, options.anchors ?? [], start.seq);
  if (headSeq < start.seq) {
    report({
      fault: headSeq === 0 ? 'wiped' : 'truncated',
      seq: headSeq + 1,
      message: `the chain head records ${headSeq} ${many} but ${start.seq} were verified before: ${headSeq === 0 ? 'it was wiped' : `${many} after ${headSeq} were deleted`}`,
    });
    return { ok: false, records, intact, faults, faultCount };
  }
  const expected = { seq: start.seq + 1, prevHash: start.hash, format: 0 };
  let lastSeq = start.seq;
  for (;;) {
    const batch = await chainRecordsSince(db, spec, lastSeq, batchSize, headSeq);
    for (const record of batch) {
      for (const fault of recordFaults(spec, record, expected)) report(fault);
      const rewritten = anchors.check(record);
      if (rewritten) report(rewritten);
      expected.seq = record.seq + 1;
      expected.prevHash = record.hash;
      expected.format = Math.max(expected.format, record.format);
      lastSeq = record.seq;
      records += 1;
    }
    if (batch.length < batchSize) break;
  }
  const short = anchors.beyond(lastSeq, records === 0 && start.seq === 0);
  if (short) report(short);
  if (headSeq > lastSeq) {
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
  // Read after the stored maximum: an append commits its records and head together, so a
  // record beyond the head read later was written outside the chain.
  const stored = await lastStoredSeq(db, spec);
  const after = (await readHead(db, spec))?.seq ?? 0;
  if (stored > after) {
    report({
      fault: 'inserted-or-reordered',
      seq: after + 1,
      message: `the chain head records ${after} ${many} but the last is ${stored}: ${one} ${after + 1} and later were added outside the ${chain}`,
    });
  }
  if (faultCount === 0) return { ok: true, records, headSeq, headHash: expected.prevHash };
  return { ok: false, records, intact, faults, faultCount };
}
