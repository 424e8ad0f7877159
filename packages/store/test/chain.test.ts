import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendToChain,
  CANONICAL_FORMAT,
  ChainFollower,
  type ChainRecord,
  type ChainSpec,
  canonicalEncoding,
  chainRecordsSince,
  createChainTables,
  ListenFeed,
  type Store,
  verifyChain,
} from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';

const COLUMNS = [
  { name: 'principal', type: 'text' },
  { name: 'action', type: 'text' },
  { name: 'scopes', type: 'text[]' },
  { name: 'at', type: 'timestamptz' },
  { name: 'rows', type: 'integer', nullable: true },
] as const;

/** A second chain, shaped like the access audit log that will follow the ledger. */
const AUDIT: ChainSpec = {
  name: 'test-audit',
  table: 'test_audit_records',
  head: { table: 'test_audit_head', id: 1 },
  channel: 'test_audit',
  codec: { columns: COLUMNS, current: CANONICAL_FORMAT, formats: { 2: canonicalEncoding(COLUMNS) } },
};

const T0 = new Date('2026-05-01T10:00:00.000Z');
const entry = (i: number) => ({
  principal: `key-${i % 2}`,
  action: i % 3 === 0 ? 'export' : 'read',
  scopes: ['ledger', `s${i}`],
  at: new Date(T0.getTime() + i * 1000),
  rows: i % 4 === 0 ? null : i,
});

describe.each(backendKinds)('a generic hash chain on %s', (kind) => {
  let store: Store;
  let url: string | undefined;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, url, cleanup } = await freshStore(kind));
    await createChainTables(store.db, AUDIT);
  });
  afterEach(async () => cleanup());

  it('appends, verifies and names tampering on a chain of its own', async () => {
    let tick = 0;
    const now = () => new Date(T0.getTime() + 60_000 + tick++);
    const first = await appendToChain(store.db, AUDIT, [entry(1), entry(2)], { now });
    const second = await appendToChain(store.db, AUDIT, [entry(3), entry(4)], { now });
    expect([...first, ...second].map((a) => a.seq)).toEqual([1, 2, 3, 4]);
    expect(await verifyChain(store.db, AUDIT, { batchSize: 3 })).toEqual({
      ok: true,
      records: 4,
      headSeq: 4,
      headHash: second[1]?.hash,
    });
    const [record] = await chainRecordsSince(store.db, AUDIT, 2, 1);
    expect(record).toMatchObject({
      seq: 3,
      format: 2,
      recordedAt: '2026-05-01T10:01:00.001000Z',
      values: { principal: 'key-1', scopes: ['ledger', 's3'], at: '2026-05-01T10:00:03.000000Z', rows: 3 },
    });
    await sql`UPDATE test_audit_records SET rows = 99 WHERE seq = 1`.execute(store.db);
    await sql`UPDATE test_audit_records SET at = at + interval '1 microsecond' WHERE seq = 4`.execute(
      store.db,
    );
    const broken = await verifyChain(store.db, AUDIT);
    expect(broken.ok === false && broken.faults.map((f) => [f.fault, f.seq])).toEqual([
      ['edited', 1],
      ['edited', 4],
    ]);
  });

  it('a record moved from another chain with the same columns does not verify', async () => {
    const OTHER: ChainSpec = {
      ...AUDIT,
      name: 'other',
      table: 'test_other_records',
      head: { ...AUDIT.head, id: 2 },
    };
    await createChainTables(store.db, OTHER);
    await appendToChain(store.db, OTHER, [entry(1)]);
    await sql`INSERT INTO test_audit_records SELECT * FROM test_other_records`.execute(store.db);
    await sql`UPDATE test_audit_head SET seq = 1, hash = (SELECT hash FROM test_audit_records) WHERE id = 1`.execute(
      store.db,
    );
    expect(await verifyChain(store.db, AUDIT)).toMatchObject({
      ok: false,
      faults: [{ fault: 'edited', seq: 1 }],
    });
  });

  it('is followed by the change feed: a follower reads pages after its last record', async () => {
    await appendToChain(store.db, AUDIT, [1, 2, 3, 4, 5].map(entry));
    const seen: ChainRecord[][] = [];
    const follower = new ChainFollower<ChainRecord>(
      (after, limit) => chainRecordsSince(store.db, AUDIT, after, limit),
      1,
      (records) => seen.push(records),
      2,
    );
    await follower.sync();
    expect(seen.map((page) => page.map((r) => r.seq))).toEqual([
      [2, 3],
      [4, 5],
    ]);
    expect(follower.lastSeq).toBe(5);
    await follower.sync();
    expect(seen).toHaveLength(2);
    await follower.close();
  });

  it.runIf(kind === 'postgres')('wakes a listening follower when records are appended', async () => {
    const pages: number[][] = [];
    let arrived: () => void = () => {};
    const follower = new ChainFollower<ChainRecord>(
      (after, limit) => chainRecordsSince(store.db, AUDIT, after, limit),
      0,
      (records) => {
        pages.push(records.map((r) => r.seq));
        arrived();
      },
    );
    const errors: unknown[] = [];
    const feed = new ListenFeed(follower, {
      databaseUrl: url as string,
      channel: AUDIT.channel,
      retryMs: 60_000,
      onError: (error) => errors.push(error),
    });
    await feed.start();
    expect(feed.listening).toBe(true);
    const woken = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    await appendToChain(store.db, AUDIT, [entry(1), entry(2)]);
    await woken;
    expect(pages).toEqual([[1, 2]]);
    await feed.close();
    expect(errors).toEqual([]);
    expect(
      () =>
        new ListenFeed(follower, { ...{ databaseUrl: '', retryMs: 1, onError: () => {} }, channel: 'Bad;' }),
    ).toThrow();
  });
});
