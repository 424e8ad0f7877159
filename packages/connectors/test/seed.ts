import type { CollectionRef } from '../src/index.js';

/** A value that must never show up in an error message or a statement event. */
export const CANARY = 'zzcanary5f2c9e';

/** Subjects' people rows: alice is erased, bob (holding the canary) and carol are bystanders. */
export const USERS = [
  {
    id: 1,
    email: 'alice@example.com',
    name: 'Alice Liddell',
    phone: '+44 20 7946 0001',
    age: 37,
    birth_date: '1988-05-17',
    plan: 'pro',
    created_at: '2021-03-04T05:06:07.000Z',
  },
  {
    id: 2,
    email: `${CANARY}@example.org`,
    name: 'Bob Builder',
    phone: '+1 555 0100',
    age: 52,
    birth_date: '1973-11-02',
    plan: 'free',
    created_at: '2022-07-08T09:10:11.000Z',
  },
  {
    id: 3,
    email: 'ülrich@bücher.example',
    name: 'Ülrich Ñandú',
    phone: '+44 20 7946 0001',
    age: 8,
    birth_date: '2017-02-28',
    plan: 'family',
    created_at: '2023-01-02T03:04:05.000Z',
  },
] as const;

/** Two related rows per subject: one before 2023, one after. */
export const ORDERS = [
  {
    id: 11,
    user_id: 1,
    address: '1 Rabbit Hole, Oxford',
    amount: 1250,
    created_at: '2020-01-01T00:00:00.000Z',
  },
  {
    id: 12,
    user_id: 1,
    address: '1 Rabbit Hole, Oxford',
    amount: 999,
    created_at: '2024-06-01T12:00:00.000Z',
  },
  { id: 21, user_id: 2, address: '2 Site Road, Leeds', amount: 4000, created_at: '2019-05-05T05:05:05.000Z' },
  { id: 22, user_id: 2, address: '2 Site Road, Leeds', amount: 37, created_at: '2025-01-01T00:00:00.000Z' },
  { id: 31, user_id: 3, address: 'Hauptstraße 3, Köln', amount: 15, created_at: '2020-02-02T02:02:02.000Z' },
  {
    id: 32,
    user_id: 3,
    address: 'Hauptstraße 3, Köln',
    amount: 2500,
    created_at: '2024-02-02T02:02:02.000Z',
  },
] as const;

/** The bulk subject's id (rows added by `seedBulk`). */
export const BULK_USER = 9;

/** The bulk subject's people row. */
export const BULK_USER_ROW = { ...USERS[2], id: BULK_USER, email: 'bulk@example.com' };

/** The bulk subject's `n` order rows. */
export function bulkOrders(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: 1000 + i,
    user_id: BULK_USER,
    address: `${i} Bulk Lane, Hull`,
    amount: 100 + i,
    created_at: '2024-03-03T03:03:03.000Z',
  }));
}

/** The fields of the people collection, as a manifest would declare them. */
export const USER_FIELDS = [
  'id',
  'email',
  'name',
  'phone',
  'age',
  'birth_date',
  'plan',
  'created_at',
] as const;
/** The fields of the related collection. */
export const ORDER_FIELDS = ['id', 'user_id', 'address', 'amount', 'created_at'] as const;

/** A collection description from a name and field names. */
export function collection(name: string, fields: readonly string[], primaryKey?: string): CollectionRef {
  return { name, ...(primaryKey ? { primaryKey } : {}), fields: fields.map((f) => ({ name: f })) };
}

/** JSON with Dates as ISO text and bigints as strings, for exact snapshots. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}
