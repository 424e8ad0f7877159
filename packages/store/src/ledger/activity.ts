import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/** Consent events of one purpose on one UTC day: how many gave and how many withdrew consent. */
export interface PurposeDayCount {
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  purpose: string;
  /** `consent-given` and `guardian-consent` events naming the purpose. */
  given: number;
  /** `consent-withdrawn` events naming the purpose. */
  withdrawn: number;
}

/**
 * Consents given and withdrawn per purpose per UTC day, for events that occurred in
 * `[since, until)`, ordered by day then purpose. Counts only: no subject is read, so the
 * dashboard shows the trend without touching personal data.
 */
export async function consentActivity(
  db: Kysely<Database>,
  range: { since: Date; until: Date },
): Promise<PurposeDayCount[]> {
  const result = await sql<{
    day: string;
    purpose: string;
    given: string | number;
    withdrawn: string | number;
  }>`
    select to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day, p.purpose,
      count(*) filter (where e.type in ('consent-given', 'guardian-consent')) as given,
      count(*) filter (where e.type = 'consent-withdrawn') as withdrawn
    from pledge_ledger_events e cross join lateral unnest(e.purposes) as p(purpose)
    where e.occurred_at >= ${range.since} and e.occurred_at < ${range.until}
      and e.type in ('consent-given', 'guardian-consent', 'consent-withdrawn')
    group by 1, 2
    order by 1, 2`.execute(db);
  return result.rows.map((row) => ({
    day: row.day,
    purpose: row.purpose,
    given: Number(row.given),
    withdrawn: Number(row.withdrawn),
  }));
}
