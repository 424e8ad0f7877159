import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Appended, type AppendOptions, appendInTransaction, appendToChain } from '../chain/append.js';
import type { Database } from '../db/schema.js';
import { AUDIT_CHAIN } from './chain-spec.js';
import type { AuditEntryInput, AuditEntryIssue } from './types.js';
import { validateAuditEntries } from './validate.js';

/** Outcome of {@link appendAuditEntries}: the entries' ids and chain positions, or why none was stored. */
export type AppendAuditResult =
  | { ok: true; appended: Array<Appended & { id: string }> }
  | { ok: false; issues: AuditEntryIssue[] };

/** The stored row of an entry (what is hashed). */
function toRow(entry: AuditEntryInput, id: string) {
  return {
    id,
    action: entry.action,
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id,
    subject: entry.subject ?? null,
    categories: [...new Set(entry.categories ?? [])].sort(),
    purpose: entry.purpose ?? null,
    reason: entry.reason?.trim() || null,
    request_id: entry.requestId ?? null,
    count: entry.count ?? 1,
    window_start: entry.windowStart ?? null,
  };
}

/** Validates a batch, gives each entry an id, and appends the rows with `append` (both entry points). */
async function validateAndAppend(
  entries: readonly AuditEntryInput[],
  append: (rows: ReturnType<typeof toRow>[]) => Promise<Appended[]>,
): Promise<AppendAuditResult> {
  const issues = validateAuditEntries(entries);
  if (issues.length > 0) return { ok: false, issues };
  const ids = entries.map(() => randomUUID());
  const appended = await append(entries.map((e, i) => toRow(e, ids[i] as string)));
  return { ok: true, appended: appended.map((a, i) => ({ ...a, id: ids[i] as string })) };
}

/**
 * Appends entries to the audit log, all or none: the batch is validated first (a refusal
 * names each bad field), then chained under the head lock and inserted with one statement
 * (see `appendToChain`). An empty batch writes nothing.
 */
export async function appendAuditEntries(
  db: Kysely<Database>,
  entries: readonly AuditEntryInput[],
  options: AppendOptions = {},
): Promise<AppendAuditResult> {
  return validateAndAppend(entries, (rows) => appendToChain(db, AUDIT_CHAIN, rows, options));
}

/**
 * {@link appendAuditEntries} inside a transaction the caller holds, so an entry is stored
 * with the change it records or not at all (role changes are recorded so). Validated first;
 * the head is locked in the caller's transaction, which commits.
 */
export async function appendAuditEntriesInTransaction<T>(
  trx: Kysely<T>,
  entries: readonly AuditEntryInput[],
  options: AppendOptions = {},
): Promise<AppendAuditResult> {
  return validateAndAppend(entries, (rows) => appendInTransaction(trx, AUDIT_CHAIN, rows, options));
}
