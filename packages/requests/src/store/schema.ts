import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { RequestState } from '../workflow/states.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** `pledge_requests`: one row per request, from the moment it arrives. */
export interface RequestTable {
  id: string;
  right: string;
  state: RequestState;
  /** The state a request waiting for clarification returns to. */
  paused_from: RequestState | null;
  jurisdiction: string | null;
  channel: string;
  /** How to answer: kind (email, phone, postal, account) and address. Never logged. */
  contact_kind: string;
  contact: string;
  /** SHA-256 of the normalised contact address, for duplicate detection. */
  contact_digest: string;
  /** Identity values needed to run the request, by identity kind. */
  identity: Json<Record<string, string[]>>;
  details: string | null;
  language: string | null;
  /** An agent acting for the person, and the authorisation they showed. */
  agent: Json<{ name: string; authorisation: string } | null> | null;
  received_at: Timestamp;
  verified_at: Timestamp | null;
  verification_method: string | null;
  /** The deadline rules that bind this request, fixed at receipt. */
  rules: Json<unknown[]>;
  due_at: Timestamp | null;
  due_rule: string | null;
  remind_at: Timestamp | null;
  reminded_at: Timestamp | null;
  overdue_at: Timestamp | null;
  paused_at: Timestamp | null;
  paused_ms: ColumnType<number, number | undefined, number>;
  extension: Json<{ reasons: string[]; note: string | null; at: string } | null> | null;
  denial: Json<{ grounds: string[]; complaintRoute: string; explanation: string | null } | null> | null;
  fee: Json<{ chargeable: boolean; basis: string; repeatCount: number }>;
  duplicate_of: string | null;
  dsr_request_id: string | null;
  completed_at: Timestamp | null;
  updated_at: Timestamp;
}

/** `pledge_request_events`: every step of every request, with who did it and why. */
export interface RequestEventTable {
  seq: Generated<number>;
  request_id: string;
  at: Timestamp;
  action: string;
  from_state: RequestState | null;
  to_state: RequestState;
  actor_kind: string;
  actor_id: string;
  /** Reasons, grounds, questions: never the contact address or identity values. */
  detail: Json<Record<string, unknown>>;
}

/** The tables of this package. */
export interface RequestsDatabase {
  pledge_requests: RequestTable;
  pledge_request_events: RequestEventTable;
}

/** A stored request row. */
export type RequestRow = Selectable<RequestTable>;
/** A request row to insert. */
export type NewRequestRow = Insertable<RequestTable>;
/** A stored event row. */
export type RequestEventRow = Selectable<RequestEventTable>;
