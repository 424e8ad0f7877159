import { randomBytes, randomUUID } from 'node:crypto';
import type { LedgerEventInput } from '@pledge/store';
import type { Insertable } from 'kysely';
import type { Random } from '../lib/random.js';

const PURPOSES = [
  'newsletter',
  'recommendations',
  'first-party-ads',
  'content-analytics',
  'data-sale',
  'support',
];
const TYPES: readonly LedgerEventInput['type'][] = [
  'consent-given',
  'consent-given',
  'consent-given',
  'consent-withdrawn',
  'policy-accepted',
  'opt-out',
  'objection',
];

/**
 * `count` consent events as a web banner would record them: synthetic subject references
 * (`subject-<n>`, no personal data), one or two purposes, GDPR, a fixed policy version.
 */
export function consentEvents(random: Random, count: number): LedgerEventInput[] {
  const start = Date.UTC(2025, 0, 1);
  const events: LedgerEventInput[] = [];
  for (let i = 0; i < count; i++) {
    const type = random.pick(TYPES);
    events.push({
      type,
      subject: `subject-${random.int(1_000_000)}`,
      purposes: type === 'policy-accepted' ? [] : random.sample(PURPOSES, 1 + random.int(2)),
      ...(type === 'consent-given' ? { consentMode: 'opt-in' as const } : {}),
      method: 'banner',
      source: 'web',
      jurisdiction: 'eu-gdpr',
      policyVersion: '1.0.0',
      policyHash: 'sha256:5f2b1c9e0d7a4b3c8e6f1a2d9c0b7e4f3a6d1c8b5e2f9a0c7d4b1e8f5a2c9d6b',
      noticeHash: 'sha256:0c4d7e1f8a5b2c9d6e3f0a7b4c1d8e5f2a9b6c3d0e7f4a1b8c5d2e9f6a3b0c7d',
      actor: 'subject',
      occurredAt: new Date(start + i * 1000).toISOString(),
    });
  }
  return events;
}

/** A row of the raw baseline table: the ledger's columns, filled without hashing. */
export type RawRow = {
  seq: number;
  id: string;
  subject_hash: string;
  type: string;
  purposes: string[];
  categories: string[];
  consent_mode: string | null;
  method: string;
  source: string;
  jurisdiction: string | null;
  policy_version: string;
  policy_hash: string;
  notice_hash: string | null;
  actor: string;
  signal: string | null;
  occurred_at: Date;
  /** Set by the writer, as the ledger's own appends do (the chain hashes it). */
  recorded_at: Date;
  format: number;
  prev_hash: string;
  hash: string;
};

/** The baseline table's database type, for Kysely. */
export type RawDatabase = {
  bench_raw_events: RawRow;
};

/**
 * The same events as rows of the ledger's shape, with sequence numbers from `firstSeq` and
 * random hash-length strings in the hash columns: built before timing, so the baseline
 * pays for no hashing at all.
 */
export function rawRows(
  events: readonly LedgerEventInput[],
  firstSeq: number,
): Insertable<RawDatabase['bench_raw_events']>[] {
  const filler = () => randomBytes(32).toString('hex');
  return events.map((event, i) => ({
    seq: firstSeq + i,
    id: randomUUID(),
    subject_hash: randomBytes(32).toString('base64url'),
    type: event.type,
    purposes: event.purposes ?? [],
    categories: event.categories ?? [],
    consent_mode: event.consentMode ?? null,
    method: event.method,
    source: event.source,
    jurisdiction: event.jurisdiction ?? null,
    policy_version: event.policyVersion,
    policy_hash: event.policyHash,
    notice_hash: event.noticeHash ?? null,
    actor: event.actor,
    signal: event.signal ?? null,
    occurred_at: new Date(event.occurredAt ?? Date.now()),
    recorded_at: new Date(),
    format: 2,
    prev_hash: filler(),
    hash: filler(),
  }));
}
