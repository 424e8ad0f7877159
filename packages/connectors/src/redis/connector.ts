import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ConnectorBase } from '../connector-base.js';
import { loadDriver } from '../drivers.js';
import { ConnectorError, storeError, valueError } from '../errors.js';
import { type MatchSpec, matchSpec, wantedText } from '../match.js';
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
import { describeRedis, indexesErased, REDIS_TEXT } from './describe.js';
import { type IndexSet, indexFor, keyOfMember, membersOfKey, setKeyOf } from './index-set.js';
import { fieldHits, idHits } from './match-scan.js';
import { type RedisEntry, redisOps, redisRectifyOp, redisRow } from './ops.js';
import {
  checkKeyId,
  checkPatternKeys,
  idOfKey,
  type KeyPattern,
  keyGlob,
  keyOfId,
  parseKeyPattern,
} from './pattern.js';
import { APPLY, FETCH, MATCH, PICK, UNINDEX_DEL } from './scripts.js';
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

  /**
   * Keys whose id part or field matches `where` under its rule. Exact (or a field stored
   * normalised): EXISTS on the keys of the ids, or the match script comparing values on the
   * server byte for byte. Another rule on a field not stored normalised: the pattern is scanned
   * and each id or value normalised here, by the same function as the wanted values.
   */
  async locate(collection: CollectionRef, where: Where): Promise<Key[]> {
    const p = this.#pattern(collection);
    const field = checkField(collection, where?.field, 'where.field', [p.placeholder]);
    const spec = matchSpec(where);
    if (!Array.isArray(where.values)) throw valueError('value-invalid', 'where.values', 'must be an array');
    const wanted: string[] = [];
    where.values.forEach((value, i) => {
      const text = wantedText(value, spec.rule);
      // A blank id is refused, as a key can be built from it; a blank field value matches nothing.
      if (field === p.placeholder) checkKeyId(text ?? String(value).trim(), `where.values[${i}]`);
      if (text !== null) wanted.push(text);
    });
    const values = distinct(wanted);
    if (values.length === 0) return [];
    if (spec.normaliseColumn) return this.#scanMatch(collection, p, field, spec, new Set(values));
    const found: string[] = [];
    if (field === p.placeholder) {
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
    const match = async (page: string[]) => {
      const hits = (await this.#send('locate', collection, REDIS_TEXT.match, (c) =>
        c.eval(MATCH, page.length, ...this.#full(page), field, isValue, ...values),
      )) as string[];
      for (const key of hits) found.push(key.slice(prefix));
    };
    const index = indexFor(collection, field);
    if (index) {
      // The set may be stale (keys expired or changed since): only keys whose field still
      // holds one of the values count, as after a scan.
      const candidates = await this.#members(collection, p, index, values);
      for (const page of chunk(candidates, this.batchSize)) await match(page);
    } else {
      await this.#scan('locate', collection, p, match);
    }
    return distinct(found);
  }

  /** Locates by scanning: every id (or value, fetched) normalised by the rule and compared exactly. */
  async #scanMatch(
    collection: CollectionRef,
    p: KeyPattern,
    field: string,
    spec: MatchSpec,
    wanted: ReadonlySet<string>,
  ): Promise<Key[]> {
    const found: string[] = [];
    await this.#scan('locate', collection, p, async (page) => {
      if (field === p.placeholder) found.push(...idHits(p, page, spec, wanted));
      else
        found.push(
          ...fieldHits(collection, p, await this.#fetch('locate', collection, page), field, spec, wanted),
        );
    });
    return distinct(found);
  }

  /** The keys the index sets of `values` list (one pipelined SMEMBERS per batch of values). */
  async #members(
    collection: CollectionRef,
    p: KeyPattern,
    index: IndexSet,
    values: readonly string[],
  ): Promise<string[]> {
    const keys: string[] = [];
    for (const batch of chunk(values, this.batchSize)) {
      const replies = await this.#send('locate', collection, REDIS_TEXT.members, async (c) => {
        const pipeline = c.pipeline();
        for (const value of batch) pipeline.smembers(this.#prefix() + setKeyOf(index, value));
        const out = (await pipeline.exec()) ?? [];
        const failed = out.find(([error]) => error);
        if (failed?.[0]) throw failed[0];
        return out.map(([, members]) => members as string[]);
      });
      for (const member of replies.flat()) {
        const key = keyOfMember(p, member, this.#prefix());
        if (key !== null) keys.push(key);
      }
    }
    return distinct(keys);
  }

  /**
   * Takes erased keys out of the index sets: `values` holds, per index, each key's field
   * value read before the write. One pipelined SREM per batch; a set left empty is gone.
   */
  async #unindex(
    collection: CollectionRef,
    p: KeyPattern,
    keys: readonly string[],
    values: ReadonlyArray<{ index: IndexSet; values: ReadonlyArray<string | null> }>,
  ): Promise<void> {
    const removals: Array<[string, string[]]> = [];
    for (const { index, values: perKey } of values) {
      keys.forEach((key, i) => {
        const value = perKey[i];
        if (typeof value === 'string' && value !== '')
          removals.push([this.#prefix() + setKeyOf(index, value), membersOfKey(p, key, this.#prefix())]);
      });
    }
    if (removals.length === 0) return;
    await this.#send('erase', collection, REDIS_TEXT.unindex, async (c) => {
      const pipeline = c.pipeline();
      for (const [set, members] of removals) pipeline.srem(set, ...members);
      const out = (await pipeline.exec()) ?? [];
      const failed = out.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
    });
  }

  /** Deletes keys and takes them out of their index sets, in one atomic script call. */
  async #deleteIndexed(
    collection: CollectionRef,
    p: KeyPattern,
    indexes: readonly IndexSet[],
    keys: string[],
  ): Promise<number> {
    const prefix = this.#prefix();
    const sets = indexes.flatMap((index) => [
      index.field,
      index.field === p.valueField ? '1' : '0',
      prefix + index.before,
      index.after,
    ]);
    const members = keys.flatMap((key) => {
      const forms = membersOfKey(p, key, prefix);
      return [0, 1, 2].map((i) => forms[i] ?? key);
    });
    return Number(
      await this.#send('erase', collection, REDIS_TEXT.unindexDel, (c) =>
        c.eval(UNINDEX_DEL, keys.length, ...this.#full(keys), String(indexes.length), ...sets, ...members),
      ),
    );
  }

  /** Each key's value of every index field, read before a write that rewrites it. */
  async #indexValues(
    collection: CollectionRef,
    p: KeyPattern,
    indexes: readonly IndexSet[],
    keys: string[],
  ): Promise<Array<{ index: IndexSet; values: Array<string | null> }>> {
    const out: Array<{ index: IndexSet; values: Array<string | null> }> = [];
    for (const index of indexes) {
      const isValue = index.field === p.valueField ? '1' : '0';
      const values = (await this.#send('erase', collection, REDIS_TEXT.pick, (c) =>
        c.eval(PICK, keys.length, ...this.#full(keys), index.field, isValue),
      )) as Array<string | null>;
      out.push({ index, values: keys.map((_, i) => (typeof values[i] === 'string' ? values[i] : null)) });
    }
    return out;
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
    // Index sets listing keys this erasure deletes or whose indexed field it rewrites.
    const unindexed = indexesErased(collection, resolved).map(
      (field) => indexFor(collection, field) as IndexSet,
    );
    for (const batch of chunk(own, size)) {
      if (resolved.deleteRow) {
        result.affected +=
          unindexed.length > 0
            ? await this.#deleteIndexed(collection, p, unindexed, batch)
            : await this.#send('erase', collection, REDIS_TEXT.del, (c) => c.del(...this.#full(batch)));
        result.statements++;
        continue;
      }
      const indexed = unindexed.length > 0 ? await this.#indexValues(collection, p, unindexed, batch) : [];
      result.statements += indexed.length;
      const computed = resolved.updates.some((u) => u.strategy !== 'null');
      const entries = computed ? await this.#fetch('erase', collection, batch) : null;
      if (entries) result.statements++;
      const ops = redisOps(batch, entries, resolved, valueField);
      result.affected += await this.#apply('erase', collection, batch, ops, valueField);
      result.statements++;
      if (indexed.length > 0) {
        await this.#unindex(collection, p, batch, indexed);
        result.statements++;
      }
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
