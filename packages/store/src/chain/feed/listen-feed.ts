import pg from 'pg';
import type { ChangeFeed } from './types.js';

/** What a {@link ListenFeed} wakes: anything with a sequence number and a coalescing sync. */
export interface Syncable {
  readonly lastSeq: number;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Where and how a {@link ListenFeed} listens. */
export interface ListenFeedOptions {
  databaseUrl: string;
  /** The chain's LISTEN/NOTIFY channel; a notification's payload is the last sequence number. */
  channel: string;
  /** How long to wait before reading and reconnecting after the connection is lost. */
  retryMs: number;
  onError: (error: unknown) => void;
}

/**
 * Keeps a follower fresh from PostgreSQL: LISTENs on the chain's channel and syncs when an
 * append is announced, so records arrive within one round trip and nothing is polled while
 * the connection is up. When the connection drops (or cannot be opened), it syncs and
 * retries every `retryMs` until it is back.
 */
export class ListenFeed implements ChangeFeed {
  readonly mode = 'listen';
  readonly #follower: Syncable;
  readonly #options: ListenFeedOptions;
  #client: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(follower: Syncable, options: ListenFeedOptions) {
    // The channel goes into LISTEN unquoted, so it must be a plain lower-case identifier.
    if (!/^[a-z_][a-z0-9_]*$/.test(options.channel))
      throw new Error('a chain channel is a lower-case identifier');
    this.#follower = follower;
    this.#options = options;
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
    const { channel, onError } = this.#options;
    const client = new pg.Client({ connectionString: this.#options.databaseUrl });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client));
    client.on('notification', (message) => {
      if (message.channel !== channel) return;
      const seq = Number(message.payload);
      // Several appends may be announced while one read is on its way: skip those it covered.
      if (Number.isFinite(seq) && seq <= this.#follower.lastSeq) return;
      this.#follower.sync().catch(onError);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      onError(error);
      this.#retry();
      return;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    // Appends committed before LISTEN took effect were announced to no one: read them now.
    await this.#follower.sync().catch(onError);
  }

  #lost(client: pg.Client, error?: Error): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    if (error) this.#options.onError(error);
    client.end().catch(() => undefined);
    this.#retry();
  }

  #retry(): void {
    if (this.#closed || this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#follower
        .sync()
        .catch(this.#options.onError)
        .then(() => (this.#closed ? undefined : this.#connect()));
    }, this.#options.retryMs);
    this.#timer.unref();
  }
}
