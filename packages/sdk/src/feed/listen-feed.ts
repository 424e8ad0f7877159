import { LEDGER_CHANNEL } from '@pledge/store';
import pg from 'pg';
import type { FeedFollower } from './follower.js';
import type { ChangeFeed } from './types.js';

/**
 * Keeps the cache fresh from PostgreSQL: LISTENs on {@link LEDGER_CHANNEL} and reads the
 * change feed when an append is announced, so updates arrive within one round trip and
 * nothing is polled while the connection is up. When the connection drops (or cannot be
 * opened), it reads the feed and retries every `retryMs` until it is back.
 */
export class ListenFeed implements ChangeFeed {
  readonly mode = 'listen';
  readonly #follower: FeedFollower;
  readonly #databaseUrl: string;
  readonly #retryMs: number;
  readonly #onError: (error: unknown) => void;
  #client: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    follower: FeedFollower,
    databaseUrl: string,
    retryMs: number,
    onError: (error: unknown) => void,
  ) {
    this.#follower = follower;
    this.#databaseUrl = databaseUrl;
    this.#retryMs = retryMs;
    this.#onError = onError;
  }

  /** Whether the LISTEN connection is up. */
  get listening(): boolean {
    return this.#client !== undefined;
  }

  start(): Promise<void> {
    return this.#connect();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
    await this.#follower.close();
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#databaseUrl });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client));
    client.on('notification', (message) => {
      if (message.channel !== LEDGER_CHANNEL) return;
      const seq = Number(message.payload);
      // Several appends may be announced while one read is on its way: skip those it covered.
      if (Number.isFinite(seq) && seq <= this.#follower.lastSeq) return;
      this.#follower.sync().catch(this.#onError);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LEDGER_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.#onError(error);
      this.#retry();
      return;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    // Appends committed before LISTEN took effect were announced to no one: read them now.
    await this.#follower.sync().catch(this.#onError);
  }

  #lost(client: pg.Client, error?: Error): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    if (error) this.#onError(error);
    client.end().catch(() => undefined);
    this.#retry();
  }

  #retry(): void {
    if (this.#closed || this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#follower
        .sync()
        .catch(this.#onError)
        .then(() => (this.#closed ? undefined : this.#connect()));
    }, this.#retryMs);
    this.#timer.unref();
  }
}
