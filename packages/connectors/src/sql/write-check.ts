import { ConnectorError } from '../errors.js';
import { type ColumnInfo, checkColumnTypes, type FieldUpdate } from '../plan.js';
import type { Row } from '../types.js';
import type { WriteProblem } from '../write-check.js';
import type { SqlKind } from './statements.js';

/** The statement that tells whether the session is read-only, and how to read its answer. */
export function readOnlyQuery(kind: SqlKind): string | undefined {
  if (kind === 'postgres') return "SELECT current_setting('transaction_read_only') AS name, 'on' AS ro";
  // MariaDB names the session setting tx_read_only, MySQL 8 transaction_read_only.
  if (kind === 'mysql')
    return "SHOW VARIABLES WHERE Variable_name IN ('read_only', 'tx_read_only', 'transaction_read_only')";
  return undefined;
}

/** The read-only problem the rows of {@link readOnlyQuery} show, if any. */
export function readOnlyProblem(kind: SqlKind, rows: readonly Row[]): WriteProblem | undefined {
  if (kind === 'postgres') {
    if (rows[0]?.name !== 'on') return undefined;
    return {
      check: 'read-only',
      message: 'the connection is read-only (transaction_read_only is on: a read-only role or a standby)',
    };
  }
  const on = rows.find((r) => String(r.Value ?? r.value).toUpperCase() === 'ON');
  if (!on) return undefined;
  const name = String(on.Variable_name ?? on.variable_name);
  return { check: 'read-only', message: `the server or session is read-only (${name} is ON)` };
}

/**
 * A statement that asks the server to plan the write without running it: the server checks
 * the user's privileges on the table (and on each column an UPDATE sets) and writes nothing.
 */
export function probeText(
  table: string,
  quote: (identifier: string) => string,
  write: { deleteRow: boolean; fields: readonly string[] },
): string | undefined {
  if (write.deleteRow) return `EXPLAIN DELETE FROM ${table} WHERE 1 = 0`;
  if (write.fields.length === 0) return undefined;
  const set = write.fields.map((f) => `${quote(f)} = ${quote(f)}`).join(', ');
  return `EXPLAIN UPDATE ${table} SET ${set} WHERE 1 = 0`;
}

const DENIED = new Set([
  '42501',
  'ER_TABLEACCESS_DENIED_ERROR',
  'ER_COLUMNACCESS_DENIED_ERROR',
  'ER_SPECIFIC_ACCESS_DENIED_ERROR',
  'SQLITE_READONLY',
]);

/** The problem a failed probe shows, in words. */
export function probeProblem(error: unknown, verb: 'DELETE' | 'UPDATE', table: string): WriteProblem {
  const storeCode = error instanceof ConnectorError ? error.storeCode : undefined;
  const code = storeCode ? { storeCode } : {};
  if (storeCode && DENIED.has(storeCode)) {
    return {
      check: 'privilege',
      message: `the user of the connection may not ${verb} ${verb === 'DELETE' ? 'rows of' : 'columns of'} ${table} (${storeCode})`,
      ...code,
    };
  }
  return {
    check: 'privilege',
    message: `a ${verb} on ${table} could not be checked: the server refused to plan it (${storeCode ?? 'unknown'})`,
    ...code,
  };
}

/** Updates whose column cannot take the strategy: mask and hash need text, hash needs 69 characters. */
export function columnProblems(
  updates: readonly FieldUpdate[],
  columns: ReadonlyMap<string, ColumnInfo>,
  table: string,
): WriteProblem[] {
  const problems: WriteProblem[] = [];
  for (const update of updates) {
    try {
      checkColumnTypes([update], columns);
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      const type = columns.get(update.field)?.dbType ?? 'missing';
      problems.push({
        check: 'column-type',
        field: update.field,
        message: `column ${update.field} of ${table} (${type}) cannot take the ${update.strategy} strategy: ${error.message}`,
      });
    }
  }
  return problems;
}
