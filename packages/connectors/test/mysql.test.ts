import mysql from 'mysql2/promise';
import { MysqlConnector } from '../src/index.js';
import { runConformance } from './conformance.js';
import { describeWithService, mysqlService, runId } from './servers.js';
import { runSqlExtras } from './sql-extras.js';
import { sqlFixture } from './sql-fixture.js';

const service = mysqlService();
const database = `pledge_conn_${runId()}`;

function urlOf(name: string): string {
  const url = new URL(service.url);
  url.pathname = `/${name}`;
  return url.toString();
}

await describeWithService(service, 'MySQL / MariaDB connector', () => {
  const fixture = runConformance({
    name: 'mysql',
    async open() {
      const root = await mysql.createConnection({ uri: service.url });
      await root.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await root.end();
      const admin = await mysql.createConnection({ uri: urlOf(database), timezone: 'Z', charset: 'utf8mb4' });
      await admin.query("SET time_zone = '+00:00'");
      return sqlFixture({
        connector: new MysqlConnector({ uri: urlOf(database) }),
        exec: async (sql, params) => {
          const [rows] = await admin.query({ sql, values: params });
          return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
        },
        placeholder: () => '?',
        ddl: [
          `CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(255) UNIQUE, name VARCHAR(255), phone VARCHAR(255),
             age INT, birth_date DATE, plan VARCHAR(50), created_at DATETIME(3), code VARCHAR(10))`,
          `CREATE TABLE orders (id INT PRIMARY KEY, user_id INT, address VARCHAR(255), amount INT,
             created_at DATETIME(3))`,
        ],
        timestamp: (iso) => new Date(iso),
        async drop() {
          await admin.query(`DROP DATABASE IF EXISTS ${database}`);
          await admin.end();
        },
      });
    },
  });
  runSqlExtras(fixture, { columnLengths: true });
});
