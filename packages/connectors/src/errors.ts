import type { ConnectorKind, StatementOperation } from './types.js';

/** Stable codes of connector errors. */
export type ConnectorErrorCode =
  | 'identifier-invalid'
  | 'field-unknown'
  | 'value-invalid'
  | 'strategy-unsupported'
  | 'strategy-conflict'
  | 'secret-missing'
  | 'path-unsafe'
  | 'operation-unsupported'
  | 'not-connected'
  | 'store-failed';

/**
 * An error raised by a connector. `path` names the offending argument or manifest field
 * (e.g. `collection.name`, `plan.email`, `where.values[2]`). The message never holds row
 * values, and a datastore's own error is not kept as `cause`, since drivers quote values
 * in theirs (a duplicate key, an invalid number).
 */
export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  readonly code: ConnectorErrorCode;
  readonly path: string | undefined;
  /** The datastore's error code (SQLSTATE, errno name, Redis error kind, errno), if any. */
  readonly storeCode: string | undefined;

  constructor(code: ConnectorErrorCode, message: string, path?: string, storeCode?: string) {
    super(message);
    this.code = code;
    this.path = path;
    this.storeCode = storeCode;
  }
}

/** A value error about the argument or manifest field at `path`. */
export function valueError(code: ConnectorErrorCode, path: string, problem: string): ConnectorError {
  return new ConnectorError(code, `${path} ${problem}`, path);
}

function storeCodeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code)) return code;
    const message = (error as { message?: unknown }).message;
    // Redis replies start with an upper-case error kind such as WRONGTYPE or NOSCRIPT.
    if (typeof message === 'string') {
      const kind = /^([A-Z][A-Z_]{1,30})\b/.exec(message);
      if (kind?.[1]) return kind[1];
    }
  }
  return 'unknown';
}

/**
 * Turns a driver error into a {@link ConnectorError} that keeps only the store's error
 * code: the driver's message and details are dropped because they may quote row values.
 */
export function storeError(
  kind: ConnectorKind,
  operation: StatementOperation,
  collection: string,
  error: unknown,
): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const code = storeCodeOf(error);
  return new ConnectorError(
    'store-failed',
    `${kind} ${operation} on ${collection} failed (${code})`,
    undefined,
    code,
  );
}
