/** How the consent cache learns of new ledger events. */
export interface ChangeFeed {
  /** `listen`: PostgreSQL LISTEN/NOTIFY wakes it; `poll`: it asks on a timer. */
  readonly mode: 'listen' | 'poll';
  start(): Promise<void>;
  close(): Promise<void>;
}
