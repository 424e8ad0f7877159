import { portOpen } from '@pledge/testing';
import { describe, it } from 'vitest';

/** A server the tests need, with the URL they connect to. */
export interface Service {
  name: string;
  url: string;
  host: string;
  port: number;
}

function service(name: string, url: string, defaultPort: number): Service {
  const parsed = new URL(url);
  return { name, url, host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

/** PostgreSQL, overridable by PLEDGE_TEST_PG_URL. */
export const postgresService = (): Service =>
  service('PostgreSQL', process.env.PLEDGE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test', 5432);

/** MySQL / MariaDB, overridable by PLEDGE_TEST_MYSQL_URL. */
export const mysqlService = (): Service =>
  service('MySQL', process.env.PLEDGE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test', 3306);

/** Redis, overridable by PLEDGE_TEST_REDIS_URL. */
export const redisService = (): Service =>
  service('Redis', process.env.PLEDGE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', 6379);

/**
 * `describe` when the server answers. When it does not: a skipped suite with a warning,
 * or, with PLEDGE_REQUIRE_SERVICES=1 (as CI sets), a failing test.
 */
export async function describeWithService(target: Service, title: string, body: () => void): Promise<void> {
  if (await portOpen(target.host, target.port, 1500)) {
    describe(title, body);
    return;
  }
  const where = `${target.name} not reachable at ${target.host}:${target.port}`;
  if (process.env.PLEDGE_REQUIRE_SERVICES === '1') {
    describe(title, () => {
      it(`${target.name} is reachable (PLEDGE_REQUIRE_SERVICES=1)`, () => {
        throw new Error(where);
      });
    });
    return;
  }
  console.warn(`${where}: skipping`);
  describe.skip(title, body);
}

/** A short random suffix for the names of a test run's own schema, database, key prefix. */
export function runId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
