import { Redis } from 'ioredis';
import type { RedisRecord, RedisSetRecord } from '../types.js';

const prefixShape = /^[A-Za-z0-9_:.-]*$/;

/** A key pattern as a SCAN glob: `{placeholder}` becomes `*`, other glob characters are escaped. */
export function patternGlob(prefix: string, pattern: string): string {
  const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');
  return (
    escapeGlob(prefix) +
    pattern
      .split(/\{[A-Za-z_][A-Za-z0-9_]*\}/)
      .map(escapeGlob)
      .join('*')
  );
}

/** Writes hashes through pipelines of `perPipeline` commands, every key under a prefix. */
export class RedisLoader {
  readonly #client: Redis;
  readonly #prefix: string;

  private constructor(client: Redis, prefix: string) {
    this.#client = client;
    this.#prefix = prefix;
  }

  static async open(url: string, prefix: string): Promise<RedisLoader> {
    if (!prefixShape.test(prefix)) throw new Error(`not a valid Redis key prefix: ${JSON.stringify(prefix)}`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    client.on('error', () => {});
    await client.connect();
    return new RedisLoader(client, prefix);
  }

  /** Deletes every key under the prefix that matches one of the patterns. */
  async clear(patterns: readonly string[]): Promise<number> {
    let removed = 0;
    for (const pattern of patterns) {
      let cursor = '0';
      do {
        const [next, keys] = await this.#client.scan(
          cursor,
          'MATCH',
          patternGlob(this.#prefix, pattern),
          'COUNT',
          1000,
        );
        cursor = next;
        if (keys.length > 0) removed += await this.#client.unlink(...keys);
      } while (cursor !== '0');
    }
    return removed;
  }

  async write(records: readonly RedisRecord[], perPipeline = 5000): Promise<void> {
    for (let at = 0; at < records.length; at += perPipeline) {
      const pipeline = this.#client.pipeline();
      for (const record of records.slice(at, at + perPipeline)) {
        pipeline.hset(this.#prefix + record.key, record.fields);
      }
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
    }
  }

  /** Adds the members of index sets (SADD), every key under the prefix. */
  async writeSets(sets: readonly RedisSetRecord[], perPipeline = 5000): Promise<void> {
    for (let at = 0; at < sets.length; at += perPipeline) {
      const pipeline = this.#client.pipeline();
      for (const set of sets.slice(at, at + perPipeline))
        pipeline.sadd(this.#prefix + set.key, ...set.members);
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
    }
  }

  async close(): Promise<void> {
    await this.#client.quit().catch(() => this.#client.disconnect());
  }
}
