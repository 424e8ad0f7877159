import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createScratchDatabase } from '@pledge/testing';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendToChain } from '../src/chain/append.js';
import {
  appendEvents,
  type Database,
  embeddedKeyFile,
  eventsOfSubject,
  eventsSince,
  fixedKeySource,
  forgetSubject,
  LEDGER_CHAIN,
  type LedgerEventInput,
  loadSubjectKey,
  migrateToLatest,
  migrations,
  openStore,
  type Store,
  subjectHash,
  subjectKeyFingerprint,
  verifyLedger,
} from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';

const KEY = 'subjectkeys-test-key-0123456789';
const CANARY = 'canary.forget-me@example.org';
const OTHERS = ['ada@example.org', 'user-42', 'grace@example.org'];

function consent(subject: string, second = 0): LedgerEventInput {
  return {
    type: 'consent-given',
    subject,
    purposes: ['newsletter'],
    method: 'banner',
    source: 'web',
    policyVersion: '1',
    policyHash: 'sha256:policy',
    actor: 'subject',
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, second)),
  };
}

/** Every Pledge table, every row, as text: what a dump of the database holds. */
async function dumpAll(db: Kysely<Database>): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' ORDER BY table_name`.execute(db);
  const out: Record<string, unknown[]> = {};
  for (const { table_name } of tables.rows) {
    out[table_name] = (await sql.raw(`SELECT * FROM "${table_name}"`).execute(db)).rows;
  }
  return JSON.stringify(out);
}

/** Every string value of a dump, as an attacker would try them as keys. */
function stringsOf(dump: string): string[] {
  const found = new Set<string>(['']);
  JSON.parse(dump, (_k, v) => {
    if (typeof v === 'string') found.add(v);
    return v;
  });
  return [...found];
}

describe.each(backendKinds)('subject keys and pseudonyms on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
  });
  afterEach(async () => cleanup());

  it('a dump of every table holds no key and no subject hash that guessing identifiers re-identifies', async () => {
    const key = await loadSubjectKey(store, { source: fixedKeySource(KEY, 'PLEDGE_SUBJECT_KEY') });
    expect(key.ok).toBe(true);
    const subjects = [CANARY, ...OTHERS];
    await appendEvents(
      store.db,
      KEY,
      subjects.map((s, i) => consent(s, i)),
    );
    const dump = await dumpAll(store.db);
    expect(dump).not.toContain(KEY);
    for (const subject of subjects) expect(dump).not.toContain(subject);
    // The attacker guesses every identifier (here: the real ones) under every key candidate the
    // dump offers, with and without HMAC, in the usual encodings: nothing matches.
    const candidates = stringsOf(dump);
    for (const subject of subjects) {
      const guesses = [
        createHash('sha256').update(subject).digest('hex'),
        createHash('sha256').update(subject).digest('base64url'),
        ...candidates.flatMap((c) => [
          createHmac('sha256', c).update(subject).digest('base64url'),
          createHmac('sha256', c).update(subject).digest('hex'),
        ]),
      ];
      for (const guess of guesses) expect(dump).not.toContain(guess);
    }
    // With the key, the map links each person to their events; only the fingerprint is stored.
    expect(dump).toContain(subjectHash(KEY, CANARY));
    expect(dump).toContain(subjectKeyFingerprint(KEY));
  });

  it('forgetting a subject unlinks its events, the chain still verifies, and signing up again starts a new pseudonym', async () => {
    await appendEvents(store.db, KEY, [
      consent(CANARY, 0),
      consent(OTHERS[0] as string, 1),
      consent(CANARY, 2),
    ]);
    const hash = subjectHash(KEY, CANARY);
    const before = await eventsOfSubject(store.db, hash);
    expect(before.map((e) => e.seq)).toEqual([1, 3]);
    const old = before[0]?.pseudonym as string;
    const othersBefore = JSON.stringify(
      await eventsOfSubject(store.db, subjectHash(KEY, OTHERS[0] as string)),
    );
    const mapBefore = await store.db
      .selectFrom('pledge_subject_map')
      .selectAll()
      .orderBy('pseudonym')
      .execute();

    expect(await forgetSubject(store.db, KEY, CANARY)).toBe(true);
    expect(await eventsOfSubject(store.db, hash)).toEqual([]);
    expect(await verifyLedger(store.db)).toMatchObject({ ok: true, events: 3 });
    // Nobody else touched: the other subject's events and map row are byte for byte the same.
    expect(JSON.stringify(await eventsOfSubject(store.db, subjectHash(KEY, OTHERS[0] as string)))).toBe(
      othersBefore,
    );
    const mapAfter = await store.db
      .selectFrom('pledge_subject_map')
      .selectAll()
      .orderBy('pseudonym')
      .execute();
    expect(mapAfter).toEqual(mapBefore.filter((m) => m.subject_hash !== hash));
    // The events stay in the chain under the old pseudonym, linked to nobody.
    const feed = await eventsSince(store.db, 0);
    expect(feed.filter((e) => e.pseudonym === old).map((e) => [e.seq, e.subjectHash])).toEqual([
      [1, null],
      [3, null],
    ]);

    await appendEvents(store.db, KEY, [consent(CANARY, 4)]);
    const again = await eventsOfSubject(store.db, hash);
    expect(again.map((e) => e.seq)).toEqual([4]);
    expect(again[0]?.pseudonym).not.toBe(old);
    expect((await eventsSince(store.db, 3))[0]).toMatchObject({
      subjectHash: hash,
      pseudonym: again[0]?.pseudonym,
    });
    expect(await forgetSubject(store.db, KEY, 'never-recorded')).toBe(false);
    expect(await verifyLedger(store.db)).toMatchObject({ ok: true, events: 4 });
  });

  it('a key other than the one the store was written with is refused, naming the setting', async () => {
    expect((await loadSubjectKey(store, { source: fixedKeySource(KEY, 'PLEDGE_SUBJECT_KEY') })).ok).toBe(
      true,
    );
    const other = await loadSubjectKey(store, {
      source: fixedKeySource('another-key-of-the-right-length', 'PLEDGE_SUBJECT_KEY'),
    });
    expect(other).toMatchObject({ ok: false, code: 'subject-key.mismatch', setting: 'PLEDGE_SUBJECT_KEY' });
    expect(!other.ok && other.message).toMatch(/PLEDGE_SUBJECT_KEY is not the key/);
    expect(JSON.stringify(other)).not.toContain('another-key-of-the-right-length');
    const missing = await loadSubjectKey(store, { production: true });
    expect(missing).toMatchObject({ ok: false, code: 'subject-key.missing' });
    expect(!missing.ok && missing.message).toMatch(/PLEDGE_SUBJECT_KEY or PLEDGE_SUBJECT_KEY_FILE/);
  });
});

/** A store as an older release left it: migrated to 0002, the key in pledge_settings, events under the keyed hash. */
async function legacyStore(store: Store, legacyKey: string): Promise<void> {
  const migrator = new Migrator({
    db: store.db as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'pledge_migrations',
    migrationLockTableName: 'pledge_migrations_lock',
  });
  const result = await migrator.migrateTo('0002-chain-format');
  if (result.error) throw result.error;
  await store.db
    .insertInto('pledge_settings')
    .values({ key: 'subject-hash-key', value: legacyKey })
    .execute();
  await appendToChain(store.db, LEDGER_CHAIN, [
    {
      id: '00000000-0000-4000-8000-000000000001',
      subject_hash: subjectHash(legacyKey, CANARY),
      type: 'consent-given',
      purposes: ['newsletter'],
      categories: [],
      consent_mode: null,
      method: 'banner',
      source: 'web',
      jurisdiction: null,
      policy_version: '1',
      policy_hash: 'sha256:policy',
      notice_hash: null,
      actor: 'subject',
      signal: null,
      occurred_at: new Date(Date.UTC(2026, 0, 1)),
    },
  ]);
}

describe('upgrading a store that kept its key in the database', () => {
  const legacyKey = 'legacy-generated-key-0123456789abcdef';

  it('embedded: the key moves to the key file next to the folder, leaves the database, and old events still read and verify', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'pledge-subjectkeys-'));
    const dataDir = join(parent, 'data');
    try {
      let store = await openStore({ dataDir });
      await legacyStore(store, legacyKey);
      await migrateToLatest(store.db);
      // Old events keep their keyed hash as pseudonym, and the map links it.
      const hash = subjectHash(legacyKey, CANARY);
      expect((await eventsOfSubject(store.db, hash)).map((e) => e.pseudonym)).toEqual([hash]);
      const loaded = await loadSubjectKey(store);
      expect(loaded).toMatchObject({ ok: true, key: legacyKey, origin: 'key-file' });
      const file = embeddedKeyFile(dataDir);
      expect(dirname(file)).toBe(parent);
      expect((await readFile(file, 'utf8')).trim()).toBe(legacyKey);
      expect((await stat(file)).mode & 0o077).toBe(0);
      expect(loaded.ok && loaded.warnings.join('\n')).toMatch(/moved out of the database/);
      expect(await dumpAll(store.db)).not.toContain(legacyKey);
      expect(await verifyLedger(store.db)).toMatchObject({ ok: true, events: 1 });
      await store.close();

      // Next start: the file is the key; a different configured key is refused; a lost file is refused.
      store = await openStore({ dataDir });
      expect(await loadSubjectKey(store)).toMatchObject({ ok: true, key: legacyKey });
      expect(
        await loadSubjectKey(store, {
          source: fixedKeySource('a-different-key-0123456789', 'PLEDGE_SUBJECT_KEY'),
        }),
      ).toMatchObject({ ok: false, code: 'subject-key.mismatch', setting: 'PLEDGE_SUBJECT_KEY' });
      await rm(file);
      const lost = await loadSubjectKey(store);
      expect(lost).toMatchObject({ ok: false, code: 'subject-key.missing' });
      expect(!lost.ok && lost.message).toContain(file);
      await expect(stat(file)).rejects.toThrow();
      await writeFile(file, `${legacyKey}\n`);
      expect(await loadSubjectKey(store)).toMatchObject({ ok: true, key: legacyKey });
      await store.close();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it.runIf(backendKinds.includes('postgres'))(
    'PostgreSQL: refused with the way out until the same key is configured, then deleted from the database',
    async () => {
      const scratch = await createScratchDatabase('pledge_subjectkeys');
      const store = await openStore({ url: scratch.url });
      try {
        await legacyStore(store, legacyKey);
        const refused = await loadSubjectKey(store);
        expect(refused).toMatchObject({ ok: false, code: 'subject-key.in-database' });
        expect(!refused.ok && refused.message).toMatch(/SELECT value FROM pledge_settings/);
        expect(JSON.stringify(refused)).not.toContain(legacyKey);
        expect(
          await loadSubjectKey(store, {
            source: fixedKeySource('not-the-legacy-key-0123', 'PLEDGE_SUBJECT_KEY'),
          }),
        ).toMatchObject({ ok: false, code: 'subject-key.mismatch' });
        const moved = await loadSubjectKey(store, {
          source: fixedKeySource(legacyKey, 'PLEDGE_SUBJECT_KEY'),
        });
        expect(moved).toMatchObject({ ok: true, origin: 'configured' });
        expect(await dumpAll(store.db)).not.toContain(legacyKey);
        const hash = subjectHash(legacyKey, CANARY);
        expect((await eventsOfSubject(store.db, hash)).map((e) => e.seq)).toEqual([1]);
        expect(await verifyLedger(store.db)).toMatchObject({ ok: true, events: 1 });
      } finally {
        await store.close();
        await scratch.drop();
      }
    },
  );
});

describe('the embedded store on disk', () => {
  it('generates its key in a file outside its folder, never in the database, and says it is not safe against power loss', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'pledge-subjectkeys-'));
    const dataDir = join(parent, 'data');
    try {
      const store = await openStore({ dataDir });
      const loaded = await loadSubjectKey(store);
      if (!loaded.ok) throw new Error(loaded.message);
      expect(loaded.keyFile).toBe(join(parent, 'data.subject-key'));
      expect((await readFile(loaded.keyFile as string, 'utf8')).trim()).toBe(loaded.key);
      expect(loaded.warnings.join('\n')).toMatch(/outside the database files/);
      expect(await dumpAll(store.db)).not.toContain(loaded.key);
      const { EMBEDDED_DURABILITY_WARNING } = await import('../src/index.js');
      expect(EMBEDDED_DURABILITY_WARNING).toMatch(/not sync its files.*power loss/);
      // PGlite runs PostgreSQL with fsync off: the warning is the truth.
      expect((await sql<{ fsync: string }>`SHOW fsync`.execute(store.db)).rows[0]?.fsync).toBe('off');
      await store.close();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
