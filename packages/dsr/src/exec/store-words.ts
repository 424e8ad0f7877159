/**
 * What a datastore's error code means, in words, for the codes an operator can act on: a
 * missing privilege, a read-only connection, a lost or refused connection, a lock, a full
 * disk. Codes not listed keep only the code.
 */
const WORDS: Readonly<Record<string, string>> = {
  // PostgreSQL SQLSTATE
  '42501': 'the user of the connection lacks the privilege',
  '25006': 'the connection is read-only',
  '23503': 'a foreign key from another table blocks it',
  '23505': 'a unique constraint blocks it',
  '40P01': 'a deadlock stopped it',
  '40001': 'a concurrent transaction conflicted with it',
  '55P03': 'a lock could not be taken',
  '57014': 'the statement was cancelled or timed out',
  '28P01': 'the password was refused',
  '28000': 'the user may not connect',
  '3D000': 'the database does not exist',
  '42P01': 'the table does not exist',
  '42703': 'a column does not exist',
  '53300': 'the server has too many connections',
  '57P01': 'the server shut down',
  // MySQL / MariaDB
  ER_TABLEACCESS_DENIED_ERROR: 'the user of the connection lacks the privilege on the table',
  ER_COLUMNACCESS_DENIED_ERROR: 'the user of the connection lacks the privilege on a column',
  ER_SPECIFIC_ACCESS_DENIED_ERROR: 'the user of the connection lacks a privilege',
  ER_OPTION_PREVENTS_STATEMENT: 'the server is read-only',
  ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION: 'the connection is read-only',
  ER_ROW_IS_REFERENCED_2: 'a foreign key from another table blocks it',
  ER_ROW_IS_REFERENCED: 'a foreign key from another table blocks it',
  ER_LOCK_WAIT_TIMEOUT: 'a lock could not be taken in time',
  ER_LOCK_DEADLOCK: 'a deadlock stopped it',
  ER_ACCESS_DENIED_ERROR: 'the user or password was refused',
  ER_DBACCESS_DENIED_ERROR: 'the user may not use the database',
  ER_BAD_DB_ERROR: 'the database does not exist',
  ER_NO_SUCH_TABLE: 'the table does not exist',
  ER_BAD_FIELD_ERROR: 'a column does not exist',
  ER_DATA_TOO_LONG: 'a value is too long for its column',
  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: 'a value does not fit its column type',
  // Network and files (errno names)
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  ENOTFOUND: 'the host name does not resolve',
  EACCES: 'the process may not write there',
  EPERM: 'the process may not write there',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  // Redis
  NOPERM: 'the Redis user lacks the permission for the command',
  READONLY: 'the Redis server is a read-only replica',
  NOAUTH: 'Redis needs a password',
  WRONGPASS: 'the Redis user or password was refused',
  WRONGTYPE: 'a key holds another type than the manifest says',
};

/** The words for a datastore error code, or undefined when the code is not one listed. */
export function storeCodeWords(code: string | undefined): string | undefined {
  return code === undefined ? undefined : WORDS[code];
}
