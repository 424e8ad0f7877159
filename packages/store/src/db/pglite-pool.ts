import type { PGlite } from '@electric-sql/pglite';

interface PgLikeResult {
  rows: unknown[];
  rowCount: number;
  command: string;
}

/**
 * Presents an embedded PGlite database as the small slice of a `pg.Pool` that Kysely's
 * PostgresDialect uses, so both back ends run the very same dialect, SQL and migrations.
 * PGlite has a single connection: a queue hands it to one borrower at a time, which also
 * keeps transactions isolated from other callers.
 */
export class PGlitePool {
  readonly #db: PGlite;
  #tail: Promise<void> = Promise.resolve();

  constructor(db: PGlite) {
    this.#db = db;
  }

  async connect() {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    const db = this.#db;
    return {
      async query(sql: string, parameters?: readonly unknown[]): Promise<PgLikeResult> {
        const result = await db.query(sql, parameters ? [...parameters] : []);
        return {
          rows: result.rows,
          rowCount: result.affectedRows ?? result.rows.length,
          command: sql.trimStart().split(/\s/, 1)[0]?.toUpperCase() ?? '',
        };
      },
      release() {
        release();
      },
    };
  }

  async end(): Promise<void> {
    await this.#tail;
  }
}
