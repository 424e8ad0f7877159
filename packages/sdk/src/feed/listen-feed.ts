import { ListenFeed as ChainListenFeed, LEDGER_CHANNEL } from '@pledge/store';
import type { FeedFollower } from './follower.js';

/**
 * Keeps the cache fresh from PostgreSQL: the store's chain {@link ChainListenFeed} on the
 * ledger's channel ({@link LEDGER_CHANNEL}), reading the change feed when an append is
 * announced, and every `retryMs` while the connection is down.
 */
export class ListenFeed extends ChainListenFeed {
  constructor(
    follower: FeedFollower,
    databaseUrl: string,
    retryMs: number,
    onError: (error: unknown) => void,
  ) {
    super(follower, { databaseUrl, channel: LEDGER_CHANNEL, retryMs, onError });
  }
}
