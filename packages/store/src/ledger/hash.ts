import { createHash, createHmac } from 'node:crypto';

/** `prev_hash` of the first event. */
export const GENESIS_HASH = 'genesis';

/** The hashed fields of an event, in chain order. */
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
}

/**
 * Hash of one event chained to its predecessor: SHA-256 over a fixed-order JSON array
 * of every recorded field plus the previous hash. Any edit, insertion, deletion or
 * reordering changes some event's hash or breaks a `prev_hash` link.
 */
export function chainHash(fields: ChainFields, prevHash: string): string {
  const canonical = JSON.stringify([
    fields.seq,
    fields.id,
    fields.subjectHash,
    fields.type,
    fields.purposes,
    fields.categories,
    fields.consentMode,
    fields.method,
    fields.source,
    fields.jurisdiction,
    fields.policyVersion,
    fields.policyHash,
    fields.noticeHash,
    fields.actor,
    fields.signal,
    fields.occurredAt.toISOString(),
    prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Keyed hash of a subject identifier: the ledger never stores the identifier itself. */
export function subjectHash(key: string, subject: string): string {
  return createHmac('sha256', key).update(subject, 'utf8').digest('base64url');
}
