import type { DeadlineRuleSpec } from '../deadlines/deadline-rules.js';
import type { FeeDecision } from '../intake/fees.js';
import type { RequestRight } from '../workflow/rights.js';
import type { RequestState } from '../workflow/states.js';
import type { RequestEventRow, RequestRow } from './schema.js';

/** A stored request. `contact` and `identity` are personal data: show them to officers only. */
export interface RequestView {
  id: string;
  right: RequestRight;
  state: RequestState;
  pausedFrom: RequestState | null;
  jurisdiction: string | null;
  channel: string;
  contact: { kind: string; address: string };
  identity: Record<string, string[]>;
  details: string | null;
  language: string | null;
  agent: { name: string; authorisation: string } | null;
  receivedAt: Date;
  verifiedAt: Date | null;
  verificationMethod: string | null;
  rules: DeadlineRuleSpec[];
  dueAt: Date | null;
  dueRule: string | null;
  remindAt: Date | null;
  remindedAt: Date | null;
  /** When the sweep found it past its deadline; null while on time. */
  overdueAt: Date | null;
  pausedAt: Date | null;
  pausedMs: number;
  extension: { reasons: string[]; note: string | null; at: string } | null;
  denial: { grounds: string[]; complaintRoute: string; explanation: string | null } | null;
  fee: FeeDecision;
  duplicateOf: string | null;
  dsrRequestId: string | null;
  completedAt: Date | null;
  updatedAt: Date;
}

/** One step in a request's history. */
export interface RequestEvent {
  seq: number;
  requestId: string;
  at: Date;
  action: string;
  fromState: RequestState | null;
  toState: RequestState;
  actor: { kind: string; id: string };
  detail: Record<string, unknown>;
}

const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/** Maps a row to its view. */
export function toView(row: RequestRow): RequestView {
  return {
    id: row.id,
    right: row.right as RequestRight,
    state: row.state,
    pausedFrom: row.paused_from,
    jurisdiction: row.jurisdiction,
    channel: row.channel,
    contact: { kind: row.contact_kind, address: row.contact },
    identity: row.identity,
    details: row.details,
    language: row.language,
    agent: row.agent ?? null,
    receivedAt: new Date(row.received_at),
    verifiedAt: date(row.verified_at),
    verificationMethod: row.verification_method,
    rules: row.rules as DeadlineRuleSpec[],
    dueAt: date(row.due_at),
    dueRule: row.due_rule,
    remindAt: date(row.remind_at),
    remindedAt: date(row.reminded_at),
    overdueAt: date(row.overdue_at),
    pausedAt: date(row.paused_at),
    pausedMs: Number(row.paused_ms),
    extension: row.extension ?? null,
    denial: row.denial ?? null,
    fee: row.fee as FeeDecision,
    duplicateOf: row.duplicate_of,
    dsrRequestId: row.dsr_request_id,
    completedAt: date(row.completed_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** Maps an event row to its view. */
export function toEvent(row: RequestEventRow): RequestEvent {
  return {
    seq: Number(row.seq),
    requestId: row.request_id,
    at: new Date(row.at),
    action: row.action,
    fromState: row.from_state,
    toState: row.to_state,
    actor: { kind: row.actor_kind, id: row.actor_id },
    detail: row.detail,
  };
}
