import type { AuditAction, AuditActorKind } from './actions.js';

/** Who acted. `id` is a user id, an API key id, an SDK's key id or a system job's name. */
export interface AuditActor {
  kind: AuditActorKind;
  id: string;
}

/** An entry to append. Text fields are bounded and checked by `validateAuditEntries`. */
export interface AuditEntryInput {
  action: AuditAction;
  actor: AuditActor;
  /** The subject's pseudonym (or keyed hash), never the identifier; null when no one subject. */
  subject?: string | null;
  /** Data categories read or written (manifest slugs). */
  categories?: readonly string[];
  /** The purpose the access served (manifest slug), when known. */
  purpose?: string | null;
  /** Why (required for `subject-lookup`). */
  reason?: string | null;
  /** The HTTP request id or DSR request id the access belongs to. */
  requestId?: string | null;
  /** Accesses this entry stands for (SDK entries aggregate a minute); default 1. */
  count?: number;
  /** Start of the minute an aggregated entry covers (seconds and milliseconds zero). */
  windowStart?: Date | null;
}

/** An entry as stored. */
export interface AuditEntry {
  seq: number;
  id: string;
  action: AuditAction;
  actor: AuditActor;
  subject: string | null;
  categories: string[];
  purpose: string | null;
  reason: string | null;
  requestId: string | null;
  count: number;
  windowStart: Date | null;
  recordedAt: Date;
  /** Its hash in the audit chain. */
  hash: string;
}

/** Why an entry was refused: a stable code and the path of the field. */
export interface AuditEntryIssue {
  code:
    | 'audit.unknown-action'
    | 'audit.unknown-actor-kind'
    | 'audit.bad-actor-id'
    | 'audit.bad-subject'
    | 'audit.bad-slug'
    | 'audit.too-many-categories'
    | 'audit.reason-required'
    | 'audit.bad-reason'
    | 'audit.bad-request-id'
    | 'audit.bad-count'
    | 'audit.bad-window';
  path: string;
  message: string;
}
