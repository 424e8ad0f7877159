import { expect, it } from 'vitest';
import { ConnectorError, type StatementEvent } from '../src/index.js';
import type { ConformanceFixture } from './conformance-fixture.js';
import { USERS } from './seed.js';

/** Options of {@link runSqlExtras}. */
export interface SqlExtrasOptions {
  /** The store knows text column lengths: its `users.code` column is too short for a hash. */
  columnLengths?: boolean;
}

/**
 * Tests every SQL connector passes beyond the shared suite: typed strategies and value
 * batching, and, where the store knows column lengths, the refusal to hash into a short one.
 */
export function runSqlExtras(fixture: () => ConformanceFixture, options: SqlExtrasOptions = {}): void {
  it('refuses to mask or hash a column that is not text, or to rewrite the key, naming the field', async () => {
    const f = fixture();
    const keys = await f.connector.locate(f.people, { field: 'email', values: [USERS[0].email] });
    for (const strategy of ['mask', 'hash'] as const) {
      const error = await f.connector
        .erase(f.people, keys, { age: strategy }, { secret: 's' })
        .catch((e) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect([error.code, error.path]).toEqual(['strategy-unsupported', 'plan.age']);
    }
    const onKey = await f.connector.erase(f.people, keys, { id: 'null' }).catch((e) => e);
    expect([onKey.code, onKey.path]).toEqual(['strategy-unsupported', 'plan.id']);
    const [row] = await f.connector.read(f.people, keys, ['age']);
    expect(Number(row?.age)).toBe(USERS[0].age);
  });

  it('locates with many values in one statement per batch of values', async () => {
    const f = fixture();
    const values = Array.from({ length: 2500 }, (_, i) => `nobody${i}@example.com`);
    values[1700] = USERS[0].email;
    const events: StatementEvent[] = [];
    const stop = f.connector.onStatement((e) => events.push(e));
    const keys = await f.connector.locate(f.people, { field: 'email', values });
    stop();
    expect(keys.map(Number)).toEqual([USERS[0].id]);
    expect(events.filter((e) => e.operation === 'locate')).toHaveLength(3);
  });

  if (options.columnLengths) {
    it('refuses to hash into a column too short for the hash', async () => {
      const f = fixture();
      const users = { ...f.people, fields: [...f.people.fields, { name: 'code' }] };
      const keys = await f.connector.locate(users, { field: 'email', values: [USERS[0].email] });
      const error = await f.connector.erase(users, keys, { code: 'hash' }, { secret: 's' }).catch((e) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect([error.code, error.path]).toEqual(['strategy-unsupported', 'plan.code']);
    });
  }
}
