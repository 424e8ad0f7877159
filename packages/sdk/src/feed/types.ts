/** How the consent cache learns of new ledger events (`listen` or `poll`). */
export type { ChangeFeed } from '@pledge/store';
