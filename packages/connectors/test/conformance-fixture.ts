import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import { type CollectionRef, type Connector, ConnectorError, type Key } from '../src/index.js';
import { BULK_USER, BULK_USER_ROW, bulkOrders, USERS } from './seed.js';

/** A subject of the fixture: the value it is found by, and its id that related rows reference. */
export interface SubjectRef {
  identity: string | number;
  id: string | number;
}

/**
 * A connector with its own isolated fixture. `records` stores seed `USERS` and `ORDERS`
 * (people = users, related = orders); `blobs` stores one profile file and two screenshots
 * per subject. Each subject has exactly one people row and two related rows, one of them
 * before 2023-01-01 by `anchorField`.
 */
export interface ConformanceFixture {
  connector: Connector;
  model: 'records' | 'blobs';
  people: CollectionRef;
  related: CollectionRef;
  identityField: string;
  idField: string;
  referenceField: string;
  anchorField: string;
  subjects: { alice: SubjectRef; bob: SubjectRef; carol: SubjectRef };
  /** Empties and reseeds the fixture through the store's own client. */
  reset(): Promise<void>;
  /** Adds a subject with `n` related rows; returns its id. */
  seedBulk(n: number): Promise<string | number>;
  /** Every row of the fixture read through the store's own client: `collection|key` → content. */
  snapshot(): Promise<Map<string, string>>;
  /** Erase statements for n related rows at batch size b with delete-row. */
  expectedEraseStatements(n: number, b: number): number;
  /** Erase statements for n related rows at batch size b with mask/anonymise (records only). */
  expectedTransformStatements(n: number, b: number): number;
  /** Drops the schema, database, keys or folder. */
  drop(): Promise<void>;
}

/** A connector under test. */
export interface ConformanceTarget {
  name: string;
  open(): Promise<ConformanceFixture>;
}
/** Writes rows into the people or the related collection through the store's own client. */
export type InsertRows = (
  into: 'people' | 'related',
  rows: ReadonlyArray<{ id: number } & Record<string, unknown>>,
) => Promise<void>;

/**
 * The part of a `records` fixture every records store shares: seed `USERS` as people found by
 * e-mail, their `ORDERS` as related rows referring to `user_id`, dated by `created_at`, a bulk
 * subject written with `insert`, and one delete statement per batch.
 */
export function recordsModel(
  people: CollectionRef,
  related: CollectionRef,
  insert: InsertRows,
): Omit<ConformanceFixture, 'connector' | 'reset' | 'snapshot' | 'expectedTransformStatements' | 'drop'> {
  return {
    model: 'records',
    people,
    related,
    identityField: 'email',
    idField: 'id',
    referenceField: 'user_id',
    anchorField: 'created_at',
    subjects: {
      alice: { identity: USERS[0].email, id: USERS[0].id },
      bob: { identity: USERS[1].email, id: USERS[1].id },
      carol: { identity: USERS[2].email, id: USERS[2].id },
    },
    async seedBulk(n) {
      await insert('people', [BULK_USER_ROW]);
      await insert('related', bulkOrders(n));
      return BULK_USER;
    },
    expectedEraseStatements: (n, b) => Math.ceil(n / b),
  };
}

/** The secret the suite hashes with. */
export const SECRET = 'conformance-secret';

/** Text form of a stored value, so stores that type values and stores that do not compare alike. */
export function norm(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The expected `hash` of a value. */
export function hmac(value: string, secret = SECRET): string {
  return `hmac:${createHmac('sha256', secret).update(value, 'utf8').digest('hex')}`;
}

/** The error a promise rejects with, after checking that it is a {@link ConnectorError}. */
export async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

/** Queries the suites share, on the fixture `fixture()` returns when they run. */
export function fixtureQueries(fixture: () => ConformanceFixture) {
  return {
    locatePeople: (s: SubjectRef) => {
      const f = fixture();
      return f.connector.locate(f.people, { field: f.identityField, values: [s.identity] });
    },
    locateRelated: (s: SubjectRef) => {
      const f = fixture();
      return f.connector.locate(f.related, { field: f.referenceField, values: [s.id] });
    },
    records: () => fixture().model === 'records',
    /** Snapshot without the given keys; compares everything else exactly. */
    others: async (excluded: Array<[CollectionRef, readonly Key[]]>) => {
      const skip = new Set(excluded.flatMap(([col, keys]) => keys.map((k) => `${col.name}|${String(k)}`)));
      const snap = await fixture().snapshot();
      return [...snap].filter(([k]) => !skip.has(k));
    },
  };
}
