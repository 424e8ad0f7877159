export * from './db/open';
export type { Database } from './db/schema';
export * from './ledger/append';
export * from './ledger/hash';
export * from './ledger/read';
export * from './ledger/subject-key';
export * from './ledger/types';
export * from './ledger/verify';
export * from './migrations/index';
