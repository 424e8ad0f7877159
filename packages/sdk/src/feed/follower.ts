import { ChainFollower } from '@pledge/store';
import { fromJson } from '../cache/ledger-event.js';
import type { PledgeClient } from '../client/client.js';
import type { LedgerEvent } from '../client/types.js';

/** Events per change-feed page (the server's maximum). */
const PAGE = 5000;

/**
 * Follows `GET /v1/ledger/changes` from a sequence number (the store's {@link ChainFollower}
 * reading over HTTP): each `sync` reads every page after the last event seen and hands the
 * events over in order; overlapping calls are coalesced, so a wake-up is never lost.
 */
export class FeedFollower extends ChainFollower<LedgerEvent> {
  constructor(client: PledgeClient, lastSeq: number, onEvents: (events: LedgerEvent[]) => void) {
    super(
      async (after, limit) => (await client.ledgerChanges({ after, limit })).events.map(fromJson),
      lastSeq,
      onEvents,
      PAGE,
    );
  }
}
