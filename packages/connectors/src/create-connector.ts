import { FilesConnector, type FilesOptions } from './files.js';
import { MysqlConnector, type MysqlOptions } from './mysql.js';
import { PostgresConnector, type PostgresOptions } from './postgres.js';
import { RedisConnector, type RedisOptions } from './redis.js';
import { SqliteConnector, type SqliteOptions } from './sqlite.js';
import type { Connector, ConnectorKind } from './types.js';

/** Options per connector kind. */
export interface ConnectorOptionsByKind {
  postgres: PostgresOptions;
  mysql: MysqlOptions;
  redis: RedisOptions;
  sqlite: SqliteOptions;
  files: FilesOptions;
}

/**
 * A connector for a dataset's `datastore.kind`. `connection` is either the connection
 * string (a `postgres://`, `mysql://` or `redis://` URL, a SQLite file name, the files
 * root folder) or the kind's options. The connector is not connected yet.
 */
export function createConnector<K extends ConnectorKind>(
  kind: K,
  connection: string | ConnectorOptionsByKind[K],
): Connector {
  switch (kind) {
    case 'postgres':
      return new PostgresConnector(
        typeof connection === 'string' ? { connectionString: connection } : (connection as PostgresOptions),
      );
    case 'mysql':
      return new MysqlConnector(
        typeof connection === 'string' ? { uri: connection } : (connection as MysqlOptions),
      );
    case 'redis':
      return new RedisConnector(
        typeof connection === 'string' ? { url: connection } : (connection as RedisOptions),
      );
    case 'sqlite':
      return new SqliteConnector(
        typeof connection === 'string' ? { filename: connection } : (connection as SqliteOptions),
      );
    case 'files':
      return new FilesConnector(
        typeof connection === 'string' ? { root: connection } : (connection as FilesOptions),
      );
    default:
      throw new TypeError('unknown connector kind');
  }
}
