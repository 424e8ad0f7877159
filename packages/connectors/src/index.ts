export { capabilitiesOf, DATASTORE_CAPABILITIES } from './capabilities.js';
export { type ConnectorOptionsByKind, createConnector, describeStatements } from './create-connector.js';
export { ConnectorError, type ConnectorErrorCode } from './errors.js';
export { FILE_FIELDS, FilesConnector, type FilesOptions } from './files/connector.js';
export type { ColumnInfo, FieldStrategy } from './plan.js';
export { RedisConnector, type RedisOptions } from './redis/connector.js';
export { MysqlConnector, type MysqlOptions } from './sql/dialect/mysql.js';
export { PostgresConnector, type PostgresOptions } from './sql/dialect/postgres.js';
export { SqliteConnector, type SqliteOptions } from './sql/dialect/sqlite.js';
export {
  anonymiseValue,
  type FieldType,
  HASH_LENGTH,
  HASH_PREFIX,
  hashText,
  inferType,
  isHashed,
  maskText,
  toInstant,
} from './strategies.js';
export type * from './types.js';
export { WRITE_CHECKS, type WriteCall, type WriteCheckKind, type WriteProblem } from './write-check.js';
