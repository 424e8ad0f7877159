import type { ColumnType } from 'kysely';
import type { AccessReviewTable } from '../reviews/table.js';

/** One consent-ledger event as stored. */
export interface LedgerEventTable {
  seq: number;
  id: string;
  /** The subject's pseudonym (the column keeps its first name: the chain hashes it by name). */
  subject_hash: string;
  type: string;
  purposes: ColumnType<string[], string[], string[]>;
  categories: ColumnType<string[], string[], string[]>;
  consent_mode: string | null;
  method: string;
  source: string;
  jurisdiction: string | null;
  policy_version: string;
  policy_hash: string;
  notice_hash: string | null;
  actor: string;
  signal: string | null;
  occurred_at: ColumnType<Date, Date | string, Date | string>;
  /** Set by the application (no default) and hashed from format 2 on. */
  recorded_at: ColumnType<Date, Date | string, never>;
  prev_hash: string;
  hash: string;
  /** Record format: 1 for rows written before formats existed, 2 since. */
  format: ColumnType<number, number | undefined, never>;
}

/** The chain head: last sequence number and hash, locked by each writer. */
export interface LedgerHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** A published policy version: a record of the policy chain (see `POLICY_CHAIN`). */
export interface PolicyVersionTable {
  seq: number;
  version: string;
  /** `sha256:` of the manifest's canonical source: the version's identity. */
  manifest_hash: string;
  /** The manifest as JSON text (what is hashed). */
  manifest: string;
  /** The changes against the previous version as JSON text. */
  changes: string;
  renewal_purposes: ColumnType<string[], string[], string[]>;
  /** Lint errors accepted for publishing, as JSON text; null when there were none. */
  lint_accepted: string | null;
  /** The publication time, set by the application and hashed. */
  recorded_at: ColumnType<Date, Date | string, never>;
  prev_hash: string;
  /** The chain hash of this record. */
  hash: string;
  format: number;
}

/** A chain head (the policy chain's; the ledger's has its own table). */
export interface PolicyHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/**
 * The only link from a person to their ledger events: keyed hash of the identifier →
 * random pseudonym. Forgetting a subject deletes its row.
 */
export interface SubjectMapTable {
  subject_hash: string;
  pseudonym: string;
}

/** Store settings, e.g. the subject key's fingerprint (never the key itself). */
export interface SettingTable {
  key: string;
  value: string;
}

/** One access audit entry as stored (see `AUDIT_CHAIN`). */
export interface AuditEntryTable {
  seq: number;
  id: string;
  action: string;
  actor_kind: string;
  actor_id: string;
  /** The subject's pseudonym, never the identifier. */
  subject: string | null;
  categories: ColumnType<string[], string[], string[]>;
  purpose: string | null;
  reason: string | null;
  request_id: string | null;
  count: number;
  window_start: ColumnType<Date | null, Date | string | null, never>;
  recorded_at: ColumnType<Date, Date | string, never>;
  prev_hash: string;
  hash: string;
  format: number;
}

/** One deregistration tombstone as stored (see `DEREGISTRATION_CHAIN`). */
export interface DeregistrationTable {
  seq: number;
  id: string;
  /** Keyed hash of the identifier (as `pledge_subject_map`'s key), never the identifier. */
  subject_hash: string;
  actor: string;
  request_id: string | null;
  recorded_at: ColumnType<Date, Date | string, never>;
  prev_hash: string;
  hash: string;
  format: number;
}

/** All tables Pledge owns. */
export interface Database {
  pledge_ledger_events: LedgerEventTable;
  pledge_ledger_head: LedgerHeadTable;
  pledge_policy_versions: PolicyVersionTable;
  pledge_policy_head: PolicyHeadTable;
  pledge_settings: SettingTable;
  pledge_subject_map: SubjectMapTable;
  pledge_audit_entries: AuditEntryTable;
  pledge_audit_head: PolicyHeadTable;
  pledge_access_reviews: AccessReviewTable;
  pledge_deregistrations: DeregistrationTable;
  pledge_deregistrations_head: PolicyHeadTable;
}
