import { type QueryExecutorProvider, sql } from 'kysely';

/** States of a step of a job. A resumed job skips `done` steps and retries the others. */
export const STEP_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/**
 * A table of steps: one row per (owner, index), with `status`, `error_code`, `error_message`
 * and `updated_at` columns beside the job's own progress columns.
 */
export interface StepTable {
  table: string;
  /** Column naming the job the step belongs to, e.g. `request_id`. */
  owner: string;
  /** Column giving the step's position, e.g. `step_index`. */
  index: string;
}

/** The steps of one job: read them in order, record progress, record a failure. */
export interface StepBook<Row, Update> {
  /** Every step of the job, in index order. */
  load(): Promise<Row[]>;
  /** Sets columns of one step and stamps `updated_at` (undefined values are left alone). */
  update(index: number, values: Update): Promise<void>;
  /** Marks one step failed with a stable code and a message free of personal data. */
  fail(index: number, failure: { code: string; message: string }): Promise<void>;
}

/** The {@link StepBook} of job `ownerId` in `on`. */
export function stepBook<Row, Update extends object>(
  db: QueryExecutorProvider,
  on: StepTable,
  ownerId: string,
): StepBook<Row, Update> {
  const where = sql`${sql.ref(on.owner)} = ${ownerId}`;
  const book: StepBook<Row, Update> = {
    async load() {
      const result = await sql<Row>`select * from ${sql.table(on.table)} where ${where}
        order by ${sql.ref(on.index)}`.execute(db);
      return result.rows;
    },
    async update(index, values) {
      const assignments = Object.entries(values)
        .filter(([, value]) => value !== undefined)
        .map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
      assignments.push(sql`updated_at = now()`);
      await sql`update ${sql.table(on.table)} set ${sql.join(assignments)}
        where ${where} and ${sql.ref(on.index)} = ${index}`.execute(db);
    },
    fail(index, failure) {
      return book.update(index, {
        status: 'failed',
        error_code: failure.code,
        error_message: failure.message,
      } as unknown as Update);
    },
  };
  return book;
}
