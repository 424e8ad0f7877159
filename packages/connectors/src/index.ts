export { type ConnectorOptionsByKind, createConnector } from './create-connector';
export { ConnectorError, type ConnectorErrorCode } from './errors';
export { FILE_FIELDS, FilesConnector, type FilesOptions } from './files';
export { MysqlConnector, type MysqlOptions } from './mysql';
export type { ColumnInfo, FieldStrategy } from './plan';
export { PostgresConnector, type PostgresOptions } from './postgres';
export { RedisConnector, type RedisOptions } from './redis';
export { SqliteConnector, type SqliteOptions } from './sqlite';
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
} from './strategies';
export type * from './types';
