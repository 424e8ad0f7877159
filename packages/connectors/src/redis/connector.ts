import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ConnectorBase } from '../connector-base.js';
import { loadDriver } from '../drivers.js';
import { ConnectorError, storeError, valueError } from '../errors.js';
import { refuseKeyRewrite, resolvePlan } from '../plan.js';
import { toInstant } from '../strategies.js';
import type {
  CollectionRef,
  CommonOptions,
  Connector,
  DescribedCall,
  DescribeOptions,
  EraseOptions,
  ErasurePlan,
  Key,
  Row,
  Scalar,
  StatementDescription,
  StatementOperation,
  Where,
  WriteOptions,
  WriteResult,
} from '../types.js';
import {
  checkDate,
  checkField,
  checkFields,
  chunk,
  describedKeys,
  distinct,
  perCollection,
} from '../validate.js';
import type { WriteCall, WriteProblem } from '../write-check.js';
import { describeRedis, REDIS_TEXT } from './describe.js';
import { type RedisEntry, redisOps, redisRectifyOp, redisRow } from './ops.js';
import { checkPatternKeys, idOfKey, type KeyPattern, keyGlob, keyOfId, parseKeyPattern } from './pattern.js';
import { APPLY, FETCH, MATCH, PICK } from './scripts.js';
import { redisWriteProblems } from './write-check.js';

/** Options of the Redis connector. */
export interface RedisOptions extends CommonOptions {
  /** A `redis://` URL (default `redis://127.0.0.1:6379`). */
  url?: string;
  /** Namespace put before every key pattern, e.g. `app:`; keys handed out never include it. */
  keyPrefix?: string;
  /** SCAN COUNT hint (default 500). */
  scanCount?: number;
}

const prefixShape = /^[A-Za-z0-9_:.-]*$/;

/**
 * Redis through `ioredis`. A collection is a key pattern with one placeholder naming the
 * id part (`session:{id}`, which never contains `:`); a key is a hash (fields), a string or
 * a set (its value is the collection's first field other than the placeholder). Locating
 * by the id part checks the keys with one pipelined EXISTS per batch; locating by another
 * field, and counting retention, SCAN the pattern. Reads and writes run one Lua script per
 * batch of keys: one atomic round trip. Erasing with mask, hash or anonymise first reads
 * the batch (one more round trip) since those values are computed by the shared module.
 */
export class RedisConnector extends ConnectorBase implements Connector {
  readonly kind = 'redis' as const;
  readonly #options: RedisOptions;
  readonly #pattern = perCollection(parseKeyPattern);
  #client: Redis | null = null;

  constructor(options: RedisOptions = {}) {
    super('redis', options);
    if (!prefixShape.test(options.keyPrefix ?? '')) {
      throw new ConnectorError(
        'identifier-invalid',
        'options.keyPrefix is not a valid key prefix',
        'options.keyPrefix',
      );
    }
    this.#options = options;
  }

  async connect(): Promise<void> {
    if (this.#client) return;
    const { Redis: RedisClient } = await loadDriver('ioredis', () => import('ioredis'));
    const client = new RedisClient(this.#options.url ?? 'redis://127.0.0.1:6379', {
      lazyConnect: true,
      maxRetriesPerRequest: 2,
      retryStrategy: (times) => (times > 5 ? null : Math.min(times * 100, 1000)),
    });
    // Errors reach the caller through the rejected command; the event would only be logged.
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      client.disconnect();
      throw storeError('redis', 'introspect', '(connection)', error);
    }
    this.#client = client;
  }

  async close(): Promise<void> {
    const client = this.#client;
    this.#client = null;
    if (client) await client.quit().catch(() => client.disconnect());
  }

  async #send<T>(
    operation: StatementOperation,
    collection: CollectionRef,
    text: string,
    call: (c: Redis) => Promise<T>,
  ): Promise<T> {
    const client = this.#client;
    if (!client) throw new ConnectorError('not-connected', 'redis connector is not connected');
    return this.statement(operation, collection, text, () => call(client));
  }

  #prefix(): string {
    return this.#options.keyPrefix ?? '';
  }

  #full(keys: readonly string[]): string[] {
    return keys.map((k) => this.#prefix() + k);
  }

  async #scan(
    operation: StatementOperation,
    collection: CollectionRef,
    p: KeyPattern,
    onPage: (keys: string[]) => Promise<void>,
  ): Promise<void> {
    const glob = keyGlob(p, this.#prefix());
    const count = this.#options.scanCount ?? 500;
    const prefix = this.#prefix().length;
    let cursor = '0';
    do {
      const [next, found] = await this.#send(operation, collection, REDIS_TEXT.scan, (c) =>
        c.scan(cursor, 'MATCH', glob, 'COUNT', count),
      );
      cursor = next;
      const keys = found.map((k) => k.slice(prefix)).filter((k) => idOfKey(p, k) !== null);
      for (const page of chunk(keys, this.batchSize)) await onPage(page);
    } while (cursor !== '0');
  }

  async locate(collection: CollectionRef, where: Where): Promise<Key[]> {
    const p = this.#pattern(collection);
    const field = checkField(collection, where?.field, 'where.field', [p.placeholder]);
    if (!Array.isArray(where.values)) throw valueError('value-invalid', 'where.values', 'must be an array');
    const values = distinct(where.values.map(String));
    if (values.length === 0) return [];
    const found: string[] = [];
    if (field === p.placeholder) {
      values.forEach((id, i) => {
        if (id === '' || id.includes(':'))
          throw valueError('value-invalid', `where.values[${i}]`, 'is not a valid key id');
      });
      for (const batch of chunk(values, this.batchSize)) {
        const keys = batch.map((id) => keyOfId(p, id));
        const replies = await this.#send('locate', collection, REDIS_TEXT.exists, (c) => {
          const pipeline = c.pipeline();
          for (const key of this.#full(keys)) pipeline.exists(key);
          return pipeline.exec();
        });
        keys.forEach((key, i) => {
          if (replies?.[i]?.[1] === 1) found.push(key);
        });
      }
      return found;
    }
    const isValue = field === p.valueField ? '1' : '0';
    const prefix = this.#prefix().length;
    await this.#scan('locate', collection, p, async (page) => {
      const hits = (await this.#send('locate', collection, REDIS_TEXT.match, (c) =>
        c.eval(MATCH, page.length, ...this.#full(page), field, isValue, ...values),
      )) as string[];
      for (const key of hits) found.push(key.slice(prefix));
    });
    return distinct(found);
  }

  async #fetch(
    operation: StatementOperation,
    collection: CollectionRef,
    keys: string[],
  ): Promise<RedisEntry[]> {
    const replies = (await this.#send(operation, collection, REDIS_TEXT.fetch, (c) =>
      c.eval(FETCH, keys.length, ...this.#full(keys)),
    )) as Array<[string, string[]]>;
    return keys.map((key, i) => {
      const [type, items] = replies[i] ?? ['none', []];
      return { key, type, items };
    });
  }

  async read(collection: CollectionRef, keys: readonly Key[], fields?: readonly string[]): Promise<Row[]> {
    const p = this.#pattern(collection);
    const wanted = checkFields(collection, fields, [p.placeholder]);
    const rows: Row[] = [];
    for (const batch of chunk(checkPatternKeys(p, keys), this.batchSize)) {
      for (const entry of await this.#fetch('read', collection, batch)) {
        const row = redisRow(
          entry,
          collection,
          p.placeholder,
          idOfKey(p, entry.key) ?? '',
          p.valueField,
          wanted,
        );
        if (row) rows.push(row);
      }
    }
    return rows;
  }

  async #apply(
    operation: StatementOperation,
    collection: CollectionRef,
    keys: string[],
    ops: string[],
    valueField: string,
  ) {
    return Number(
      await this.#send(operation, collection, REDIS_TEXT.apply, (c) =>
        c.eval(APPLY, keys.length, ...this.#full(keys), valueField, ...ops),
      ),
    );
  }

  async erase(
    collection: CollectionRef,
    keys: readonly Key[],
    plan: ErasurePlan,
    options?: EraseOptions,
  ): Promise<WriteResult> {
    const p = this.#pattern(collection);
    const own = checkPatternKeys(p, keys);
    const size = this.batchSizeOf(options);
    const resolved = resolvePlan(collection, plan, options, [p.placeholder]);
    refuseKeyRewrite(resolved, p.placeholder, "is the key's id: keep it or delete the key");
    const result: WriteResult = { affected: 0, statements: 0 };
    if (own.length === 0 || (!resolved.deleteRow && resolved.updates.length === 0)) return result;
    const valueField = p.valueField ?? '';
    for (const batch of chunk(own, size)) {
      if (resolved.deleteRow) {
        result.affected += await this.#send('erase', collection, REDIS_TEXT.del, (c) =>
          c.del(...this.#full(batch)),
        );
        result.statements++;
        continue;
      }
      const computed = resolved.updates.some((u) => u.strategy !== 'null');
      const entries = computed ? await this.#fetch('erase', collection, batch) : null;
      if (entries) result.statements++;
      const ops = redisOps(batch, entries, resolved, valueField);
      result.affected += await this.#apply('erase', collection, batch, ops, valueField);
      result.statements++;
    }
    return result;
  }

  async rectify(
    collection: CollectionRef,
    keys: readonly Key[],
    values: Readonly<Record<string, Scalar>>,
    options?: WriteOptions,
  ): Promise<WriteResult> {
    const p = this.#pattern(collection);
    const own = checkPatternKeys(p, keys);
    const size = this.batchSizeOf(options);
    const op = redisRectifyOp(collection, values, p.placeholder);
    const result: WriteResult = { affected: 0, statements: 0 };
    if (own.length === 0 || op === null) return result;
    for (const batch of chunk(own, size)) {
      result.affected += await this.#apply(
        'rectify',
        collection,
        batch,
        batch.map(() => op),
        p.valueField ?? '',
      );
      result.statements++;
    }
    return result;
  }

  /** Checks a write without writing: see {@link redisWriteProblems}. */
  async checkWrite(collection: CollectionRef, call: WriteCall): Promise<WriteProblem[]> {
    const p = this.#pattern(collection);
    const deleteRow =
      call.operation === 'erase' && resolvePlan(collection, call.plan, null, [p.placeholder]).deleteRow;
    const probe = this.#prefix() + keyOfId(p, `pledge-probe-${randomBytes(8).toString('hex')}`);
    return redisWriteProblems(
      (text, run) => this.#send('introspect', collection, text, run),
      probe,
      deleteRow,
      collection.name,
    );
  }

  async countRetention(collection: CollectionRef, anchorField: string, before: Date): Promise<number> {
    const p = this.#pattern(collection);
    const field = checkField(collection, anchorField, 'anchorField');
    checkDate(before, 'before');
    const isValue = field === p.valueField ? '1' : '0';
    let count = 0;
    await this.#scan('count', collection, p, async (page) => {
      const values = (await this.#send('count', collection, REDIS_TEXT.pick, (c) =>
        c.eval(PICK, page.length, ...this.#full(page), field, isValue),
      )) as Array<string | null>;
      for (const value of values) {
        const instant = toInstant(value);
        if (instant !== null && instant < before.getTime()) count++;
      }
    });
    return count;
  }

  describe(
    collection: CollectionRef,
    call: DescribedCall,
    options: DescribeOptions = {},
  ): StatementDescription[] {
    const p = this.#pattern(collection);
    describedKeys(options);
    return describeRedis(collection, p, call, (operation, text, per) =>
      this.described(operation, collection, text, per),
    );
  }
}
