/** How a follower learns of new records. */
export interface ChangeFeed {
  /** `listen`: PostgreSQL LISTEN/NOTIFY wakes it; `poll`: it asks on a timer. */
  readonly mode: 'listen' | 'poll';
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A page of a chain's change feed: records after a sequence number, oldest first. */
export type ReadChanges<E extends { seq: number }> = (
  afterSeq: number,
  limit: number,
) => Promise<readonly E[]>;
