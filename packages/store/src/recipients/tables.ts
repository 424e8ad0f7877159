import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** A contract on file with a recipient (the document itself in `document`). */
export interface RecipientContractTable {
  id: string;
  recipient: string;
  kind: string;
  signed_on: string;
  expires_on: string | null;
  media_type: string;
  size: number;
  /** Hex SHA-256 of the document: shows which file was filed without reading it. */
  sha256: string;
  document: Uint8Array;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | string, never>;
}

/** A security inspection, appraisal or audit of a recipient. */
export interface RecipientInspectionTable {
  id: string;
  recipient: string;
  kind: string;
  outcome: string;
  performed_on: string;
  note: string | null;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date | string, never>;
}

/** When an engagement with a recipient started and ended. */
export interface RecipientEngagementTable {
  recipient: string;
  started_on: string | null;
  ended_on: string | null;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}

/** One disclosure decision, allowed or refused. */
export interface DisclosureTable {
  id: string;
  recipient: string;
  /** Keyed hash of the subject identifier, never the identifier. */
  subject_hash: string;
  purpose: string;
  categories: ColumnType<string[], string[], never>;
  basis: string;
  legal_reference: string | null;
  allowed: boolean;
  codes: ColumnType<string[], string[], never>;
  actor: string;
  at: ColumnType<Date, Date | string, never>;
}

/** A request to a recipient to delete or stop retaining data, queued when its engagement ends. */
export interface DeletionRequestTable {
  id: string;
  recipient: string;
  engagement_ended_on: string;
  status: string;
  requested_at: ColumnType<Date, Date | string, never>;
  status_at: ColumnType<Date, Date | string, Date | string>;
}

/** The register's tables. */
export type RegisterTables = {
  pledge_recipient_contracts: RecipientContractTable;
  pledge_recipient_inspections: RecipientInspectionTable;
  pledge_recipient_engagements: RecipientEngagementTable;
  pledge_disclosures: DisclosureTable;
  pledge_recipient_deletion_requests: DeletionRequestTable;
};

/** The store's database seen with the register's tables. */
export function registerDb(db: Kysely<Database>): Kysely<Database & RegisterTables> {
  return db.withTables<RegisterTables>();
}
