import { createHmac } from 'node:crypto';
import { canonicalTime, digest } from '../chain/canonical.js';
import type { ChainRecord } from '../chain/types.js';
import { LEDGER_CHAIN } from './chain-spec.js';

export { GENESIS_HASH } from '../chain/canonical.js';

/** The hashed fields of an event. */
export interface ChainFields {
  seq: number;
  id: string;
  subjectHash: string;
  type: string;
  purposes: readonly string[];
  categories: readonly string[];
  consentMode: string | null;
  method: string;
  source: string;
  jurisdiction: string | null;
  policyVersion: string;
  policyHash: string;
  noticeHash: string | null;
  actor: string;
  signal: string | null;
  occurredAt: Date;
  /** Record format; default 1 (the first format, which does not cover `recordedAt`). */
  format?: number;
  /** When the ledger recorded the event; hashed from format 2 on. */
  recordedAt?: Date;
}

/** The stored record of an event's fields. */
export function ledgerRecord(fields: ChainFields, prevHash: string): ChainRecord {
  return {
    seq: fields.seq,
    format: fields.format ?? 1,
    recordedAt: fields.recordedAt ? canonicalTime(fields.recordedAt) : '',
    prevHash,
    hash: '',
    values: {
      id: fields.id,
      subject_hash: fields.subjectHash,
      type: fields.type,
      purposes: fields.purposes,
      categories: fields.categories,
      consent_mode: fields.consentMode,
      method: fields.method,
      source: fields.source,
      jurisdiction: fields.jurisdiction,
      policy_version: fields.policyVersion,
      policy_hash: fields.policyHash,
      notice_hash: fields.noticeHash,
      actor: fields.actor,
      signal: fields.signal,
      occurred_at: canonicalTime(fields.occurredAt),
    },
  };
}

/**
 * Hash of one event chained to its predecessor, in the event's format: SHA-256 over its
 * canonical encoding (see `LEDGER_CHAIN`). Any edit, insertion, deletion or reordering
 * changes some event's hash or breaks a `prev_hash` link.
 */
export function chainHash(fields: ChainFields, prevHash: string): string {
  const record = ledgerRecord(fields, prevHash);
  const encode = LEDGER_CHAIN.codec.formats[record.format];
  if (!encode) throw new Error(`unknown ledger record format ${record.format}`);
  if (record.format > 1 && !fields.recordedAt) throw new Error('a format 2 event needs recordedAt');
  return digest(encode(record, LEDGER_CHAIN.name));
}

/** Keyed hash of a subject identifier: the ledger never stores the identifier itself. */
export function subjectHash(key: string, subject: string): string {
  return createHmac('sha256', key).update(subject, 'utf8').digest('base64url');
}
