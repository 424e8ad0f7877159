import type { DatastoreKind } from '@pledge/core';
import { FilesConnector, type FilesOptions } from './files/connector.js';
import { RedisConnector, type RedisOptions } from './redis/connector.js';
import { MysqlConnector, type MysqlOptions } from './sql/dialect/mysql.js';
import { PostgresConnector, type PostgresOptions } from './sql/dialect/postgres.js';
import { SqliteConnector, type SqliteOptions } from './sql/dialect/sqlite.js';
import type {
  CollectionRef,
  Connector,
  ConnectorKind,
  DescribedCall,
  DescribeOptions,
  StatementDescription,
} from './types.js';

/** Options per connector kind. */
export interface ConnectorOptionsByKind {
  postgres: PostgresOptions;
  mysql: MysqlOptions;
  redis: RedisOptions;
  sqlite: SqliteOptions;
  files: FilesOptions;
}

type Factory<K extends DatastoreKind> = (connection: string | ConnectorOptionsByKind[K]) => Connector;

const factories: { [K in DatastoreKind]: Factory<K> } = {
  postgres: (c) => new PostgresConnector(typeof c === 'string' ? { connectionString: c } : c),
  mysql: (c) => new MysqlConnector(typeof c === 'string' ? { uri: c } : c),
  redis: (c) => new RedisConnector(typeof c === 'string' ? { url: c } : c),
  sqlite: (c) => new SqliteConnector(typeof c === 'string' ? { filename: c } : c),
  files: (c) => new FilesConnector(typeof c === 'string' ? { root: c } : c),
};

/**
 * A connector for a dataset's `datastore.kind`. `connection` is either the connection
 * string (a `postgres://`, `mysql://` or `redis://` URL, a SQLite file name, the files
 * root folder) or the kind's options. The connector is not connected yet.
 */
export function createConnector<K extends ConnectorKind>(
  kind: K,
  connection: string | ConnectorOptionsByKind[K],
): Connector {
  if (!Object.hasOwn(factories, kind)) throw new TypeError('unknown connector kind');
  return (factories[kind] as Factory<K>)(connection);
}

const offline = new Map<DatastoreKind, Connector>();

/**
 * The statements a connector of `kind`, with default options, sends for `call`: what
 * {@link Connector.describe} returns, without a connection or its settings (a PostgreSQL
 * `schema` option would qualify the table names). For planning before anything runs.
 */
export function describeStatements(
  kind: DatastoreKind,
  collection: CollectionRef,
  call: DescribedCall,
  options?: DescribeOptions,
): StatementDescription[] {
  let connector = offline.get(kind);
  if (!connector) {
    // Never connected: a connector needs its connection only to run statements.
    connector = createConnector(kind, '');
    offline.set(kind, connector);
  }
  return connector.describe(collection, call, options);
}
