import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/** Accesses recorded on one UTC day (`YYYY-MM-DD`). */
export interface AuditDayCount {
  day: string;
  /** Accesses the day's entries stand for (an aggregated SDK entry counts its `count`). */
  accesses: number;
}

/**
 * Accesses recorded in the audit log per UTC day in `[since, until)`, by recording time;
 * days without an entry are left out. One grouped query: counts only, never an entry.
 */
export async function auditVolume(
  db: Kysely<Database>,
  range: { since: Date; until: Date },
): Promise<AuditDayCount[]> {
  const result = await sql<{ day: string; accesses: string | number }>`
    select to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD') as day, sum(count) as accesses
    from pledge_audit_entries
    where recorded_at >= ${range.since} and recorded_at < ${range.until}
    group by 1
    order by 1`.execute(db);
  return result.rows.map((row) => ({ day: row.day, accesses: Number(row.accesses) }));
}

/** Accesses recorded in the audit log in `[since, until)`. */
export async function auditAccessCount(
  db: Kysely<Database>,
  range: { since: Date; until: Date },
): Promise<number> {
  const result = await sql<{ accesses: string | number | null }>`
    select sum(count) as accesses from pledge_audit_entries
    where recorded_at >= ${range.since} and recorded_at < ${range.until}`.execute(db);
  return Number(result.rows[0]?.accesses ?? 0);
}
