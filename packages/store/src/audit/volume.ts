import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditAction } from './actions.js';

/** Which entries to count: recorded in `[since, until)`, leaving out the actions in `exclude`. */
export interface AuditVolumeRange {
  since: Date;
  until: Date;
  /** Actions not counted (e.g. `role-change`, which reads no personal data). */
  exclude?: readonly AuditAction[];
}

/** Accesses recorded on one UTC day (`YYYY-MM-DD`). */
export interface AuditDayCount {
  day: string;
  /** Accesses the day's entries stand for (an aggregated SDK entry counts its `count`). */
  accesses: number;
}

/**
 * Accesses recorded in the audit log per UTC day in `[since, until)`, by recording time,
 * leaving out the excluded actions; days without an entry are left out. One grouped query:
 * counts only, never an entry.
 */
export async function auditVolume(db: Kysely<Database>, range: AuditVolumeRange): Promise<AuditDayCount[]> {
  const result = await sql<{ day: string; accesses: string | number }>`
    select to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD') as day, sum(count) as accesses
    from pledge_audit_entries
    where recorded_at >= ${range.since} and recorded_at < ${range.until}
      and not (action = any(${[...(range.exclude ?? [])]}::text[]))
    group by 1
    order by 1`.execute(db);
  return result.rows.map((row) => ({ day: row.day, accesses: Number(row.accesses) }));
}

/** Accesses recorded in the audit log in `[since, until)`, leaving out the excluded actions. */
export async function auditAccessCount(db: Kysely<Database>, range: AuditVolumeRange): Promise<number> {
  const result = await sql<{ accesses: string | number | null }>`
    select sum(count) as accesses from pledge_audit_entries
    where recorded_at >= ${range.since} and recorded_at < ${range.until}
      and not (action = any(${[...(range.exclude ?? [])]}::text[]))`.execute(db);
  return Number(result.rows[0]?.accesses ?? 0);
}

/**
 * When the earliest access in the audit log happened (an aggregated entry's minute, else its
 * recording time), or undefined for an empty log. The earliest, not the first appended: an
 * import of older entries after the log started still counts from the oldest.
 */
export async function firstAuditAccessAt(db: Kysely<Database>): Promise<Date | undefined> {
  const result = await sql<{ at: Date | string | null }>`
    select min(coalesce(window_start, recorded_at)) as at from pledge_audit_entries`.execute(db);
  const at = result.rows[0]?.at;
  return at === null || at === undefined ? undefined : new Date(at);
}
