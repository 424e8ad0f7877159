import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { DsrStepTable } from '../jobs/schema.js';

/** What {@link stepRowsUpdate} writes beside each step's status and progress. */
export interface StepRowsWrite {
  /** Write each row's located keys and reference values (an access stores them only at its end). */
  keys: boolean;
  /** Write no output (a completed access forgets the rows copied for its package). */
  forgetOutput: boolean;
}

/**
 * One statement writing several step rows as a run holds them: status, progress counts, error,
 * output and (with `keys`) located keys. Without `keys` the stored keys are left as they are,
 * so progress writes do not send a step's keys again.
 */
export function stepRowsUpdate(
  id: string,
  rows: ReadonlyArray<Selectable<DsrStepTable>>,
  options: StepRowsWrite,
): RawBuilder<unknown> {
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.step_index}::int, ${r.status}::text, ${r.affected}::int, ${r.batches_done}::int,
          ${r.statements}::int, ${r.error_code}::text, ${r.error_message}::text, ${
            options.forgetOutput ? null : jsonOrNull(r.output)
          }::json, ${options.keys ? jsonOrNull(r.located_keys) : null}::jsonb, ${
            options.keys ? jsonOrNull(r.ref_values) : null
          }::jsonb)`,
    ),
  );
  const keys = options.keys ? sql`located_keys = v.keys, ref_values = v.refs,` : sql``;
  return sql`update pledge_dsr_steps as s
    set status = v.status, affected = v.affected, batches_done = v.batches, statements = v.statements,
      error_code = v.code, error_message = v.message, output = v.output, ${keys} updated_at = now()
    from (values ${values}) as v(idx, status, affected, batches, statements, code, message, output, keys, refs)
    where s.request_id = ${id} and s.step_index = v.idx`;
}

/** A JSON column's value as text, SQL NULL for none (never the JSON `null`). */
export function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
