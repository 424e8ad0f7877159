import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditAction, AuditActorKind } from './actions.js';
import type { AuditEntry } from './types.js';

/** Most entries one page returns. */
export const AUDIT_PAGE_MAX = 1000;

/** Which entries to read; every filter is optional and they combine with AND. */
export interface AuditQuery {
  /** Recorded at or after. */
  from?: Date;
  /** Recorded before. */
  to?: Date;
  /** The actor's id (a user id, key id, ...). */
  actor?: string;
  actorKind?: AuditActorKind;
  action?: AuditAction | readonly AuditAction[];
  /** The subject's pseudonym. */
  subject?: string;
  /** Entries per page: 1 to {@link AUDIT_PAGE_MAX}, default 100. */
  limit?: number;
  /** Continue after this sequence number (the previous page's `next`). */
  after?: number;
}

/** One page of entries, oldest first; `next` is set when more may follow. */
export interface AuditPage {
  entries: AuditEntry[];
  next?: number;
}

type Row = Selectable<Database['pledge_audit_entries']>;

function toEntry(row: Row): AuditEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    action: row.action as AuditAction,
    actor: { kind: row.actor_kind as AuditActorKind, id: row.actor_id },
    subject: row.subject,
    categories: row.categories,
    purpose: row.purpose,
    reason: row.reason,
    requestId: row.request_id,
    count: row.count,
    windowStart: row.window_start ? new Date(row.window_start) : null,
    recordedAt: new Date(row.recorded_at),
    hash: row.hash,
  };
}

/**
 * One page of audit entries matching the query, in chain order. Pages by sequence number, so
 * entries appended while paging are met at the end and none is read twice.
 */
export async function readAuditEntries(db: Kysely<Database>, query: AuditQuery = {}): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), AUDIT_PAGE_MAX);
  let q = db
    .selectFrom('pledge_audit_entries')
    .selectAll()
    .orderBy('seq')
    .limit(limit + 1);
  if (query.after !== undefined) q = q.where('seq', '>', query.after);
  if (query.from) q = q.where('recorded_at', '>=', query.from);
  if (query.to) q = q.where('recorded_at', '<', query.to);
  if (query.actor !== undefined) q = q.where('actor_id', '=', query.actor);
  if (query.actorKind !== undefined) q = q.where('actor_kind', '=', query.actorKind);
  if (query.subject !== undefined) q = q.where('subject', '=', query.subject);
  if (query.action !== undefined) {
    const actions = typeof query.action === 'string' ? [query.action] : [...query.action];
    q = q.where(sql<boolean>`action = any(${actions}::text[])`);
  }
  const rows = await q.execute();
  const entries = rows.slice(0, limit).map(toEntry);
  const last = entries.at(-1);
  return rows.length > limit && last ? { entries, next: last.seq } : { entries };
}

/** Every entry matching the query, page by page (memory bounded by the page size). */
export async function* streamAuditEntries(
  db: Kysely<Database>,
  query: Omit<AuditQuery, 'after'> = {},
): AsyncGenerator<AuditEntry> {
  let after: number | undefined;
  for (;;) {
    const page = await readAuditEntries(db, { ...query, ...(after !== undefined ? { after } : {}) });
    yield* page.entries;
    if (page.next === undefined) return;
    after = page.next;
  }
}
