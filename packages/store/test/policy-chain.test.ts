import type { Manifest } from '@pledge/core';
import { baseInput, edited, toManifest } from '@pledge/testing/manifests';
import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  listPolicies,
  migrateToLatest,
  migrations,
  POLICY_COLUMNS,
  publishPolicy,
  type Store,
  verifyPolicies,
} from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';

const PUBLISHED = new Date('2026-03-04T05:06:07.891Z');

/** The base manifest under a label, with a title so each call can differ in content. */
function labelled(version: string, title = 'Shop policy'): Manifest {
  return edited((m) => {
    m.policy.version = version;
    m.policy.title = title;
  });
}

async function faults(store: Store): Promise<Array<[string, number, string | undefined]>> {
  const result = await verifyPolicies(store.db);
  return result.ok ? [] : result.faults.map((f) => [f.fault, f.seq, f.id]);
}

describe.each(backendKinds)('policy chain on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
  });
  afterEach(async () => cleanup());

  async function publishThree(): Promise<void> {
    for (const version of ['1.0', '1.1', '1.2']) {
      const result = await publishPolicy(store.db, labelled(version), { now: () => PUBLISHED });
      expect(result).toMatchObject({ ok: true, created: true });
    }
  }

  it('hashes every stored column of a version: the canonical encoding names each one', async () => {
    const { rows } = await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
      WHERE table_name = 'pledge_policy_versions'`.execute(store.db);
    const own = ['seq', 'format', 'recorded_at', 'prev_hash', 'hash'];
    expect(rows.map((r) => r.name).sort()).toEqual([...own, ...POLICY_COLUMNS.map((c) => c.name)].sort());
  });

  it('verifies published versions and reads them back as published', async () => {
    await publishThree();
    expect(await verifyPolicies(store.db)).toMatchObject({ ok: true, records: 3 });
    const versions = await listPolicies(store.db);
    expect(versions.map((v) => [v.seq, v.version, v.publishedAt.toISOString()])).toEqual([
      [1, '1.0', PUBLISHED.toISOString()],
      [2, '1.1', PUBLISHED.toISOString()],
      [3, '1.2', PUBLISHED.toISOString()],
    ]);
    expect(versions[2]?.manifest).toEqual(labelled('1.2'));
  });

  it('names an edited version: its manifest, label, changes or publication time', async () => {
    await publishThree();
    await sql`UPDATE pledge_policy_versions SET manifest = replace(manifest, 'Shop policy', 'Other policy') WHERE seq = 1`.execute(
      store.db,
    );
    await sql`UPDATE pledge_policy_versions SET changes = '[{"code":"forged"}]' WHERE seq = 2`.execute(
      store.db,
    );
    await sql`UPDATE pledge_policy_versions SET recorded_at = recorded_at + interval '1 microsecond' WHERE seq = 3`.execute(
      store.db,
    );
    expect(await faults(store)).toEqual([
      ['edited', 1, '1.0'],
      ['edited', 2, '1.1'],
      ['edited', 3, '1.2'],
    ]);
  });

  it('finds a deleted version, a version inserted outside the chain and a truncated chain', async () => {
    await publishThree();
    await sql`DELETE FROM pledge_policy_versions WHERE seq = 2`.execute(store.db);
    expect(await faults(store)).toEqual([['deleted-before', 3, '1.2']]);
    await sql`INSERT INTO pledge_policy_versions (seq, version, manifest_hash, manifest, changes, renewal_purposes,
        lint_accepted, recorded_at, prev_hash, hash, format)
      SELECT 2, '1.1-forged', manifest_hash || 'x', manifest, changes, renewal_purposes, lint_accepted, recorded_at, prev_hash, hash, format
      FROM pledge_policy_versions WHERE seq = 1`.execute(store.db);
    expect((await faults(store)).map(([f, seq]) => [f, seq])).toEqual([
      ['edited', 2],
      ['inserted-or-reordered', 2],
      ['inserted-or-reordered', 3],
    ]);
    await sql`DELETE FROM pledge_policy_versions WHERE seq >= 2`.execute(store.db);
    expect(await faults(store)).toEqual([['truncated', 2, undefined]]);
  });

  it('refuses a version label already used for different content; the same content stays idempotent', async () => {
    const first = await publishPolicy(store.db, labelled('2022-01-20', 'one'));
    expect(first).toMatchObject({ ok: true, created: true });
    // The issue's finding: four different manifests were published under one version label.
    for (const title of ['two', 'three', 'four']) {
      const refused = await publishPolicy(store.db, labelled('2022-01-20', title));
      expect(refused).toMatchObject({
        ok: false,
        code: 'policy.version-label-reused',
        path: 'policy.version',
        existing: { seq: 1, version: '2022-01-20' },
      });
    }
    expect(await publishPolicy(store.db, labelled('2022-01-20', 'one'))).toMatchObject({
      ok: true,
      created: false,
      policy: { seq: 1 },
    });
    expect(await listPolicies(store.db)).toHaveLength(1);
    expect(await publishPolicy(store.db, labelled('2022-02-01', 'two'))).toMatchObject({
      ok: true,
      created: true,
      policy: { seq: 2 },
    });
  });

  it('stores the lint errors accepted with the version, hashed', async () => {
    const acceptedLint = [
      {
        rule: 'ref.unknown-purpose',
        path: 'trackers[0].purposes[1]',
        message: 'm',
        reason: 'kept from the seed',
      },
    ];
    await publishPolicy(store.db, labelled('1.0'), { acceptedLint });
    await publishPolicy(store.db, labelled('1.1'));
    expect((await listPolicies(store.db)).map((v) => v.acceptedLint)).toEqual([acceptedLint, []]);
    await sql`UPDATE pledge_policy_versions SET lint_accepted = NULL WHERE seq = 1`.execute(store.db);
    expect(await faults(store)).toEqual([['edited', 1, '1.0']]);
  });
});

describe.each(backendKinds)('migration 0004-policy-chain on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  const manifests = [labelled('1.0'), labelled('1.1'), labelled('1.1', 'same label, other content')];
  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind, { migrate: false }));
    const migrator = new Migrator({
      db: store.db,
      provider: { getMigrations: async () => migrations },
      migrationTableName: 'pledge_migrations',
      migrationLockTableName: 'pledge_migrations_lock',
    });
    const { error } = await migrator.migrateTo('0002-chain-format');
    if (error) throw error;
    // Versions as the store wrote them before the chain, with a gap a failed publish left.
    for (const [i, manifest] of manifests.entries()) {
      await sql`INSERT INTO pledge_policy_versions (seq, version, hash, manifest, changes, renewal_purposes)
        VALUES (${i === 2 ? 4 : i + 1}, ${manifest.policy.version}, ${`sha256:old-${i}`}, ${JSON.stringify(manifest)}::jsonb,
          '[]'::jsonb, ${['marketing']})`.execute(store.db);
    }
    await migrateToLatest(store.db);
  });
  afterEach(async () => cleanup());

  it('chains the versions stored before it, so they verify, and keeps what they held', async () => {
    expect(await verifyPolicies(store.db)).toMatchObject({ ok: true, records: 3 });
    const versions = await listPolicies(store.db);
    expect(versions.map((v) => [v.seq, v.version, v.hash, v.renewalPurposes])).toEqual([
      [1, '1.0', 'sha256:old-0', ['marketing']],
      [2, '1.1', 'sha256:old-1', ['marketing']],
      [3, '1.1', 'sha256:old-2', ['marketing']],
    ]);
    expect(versions.map((v) => v.manifest)).toEqual(manifests);
  });

  it('finds an edit of a migrated version and chains new versions after them', async () => {
    const published = await publishPolicy(
      store.db,
      toManifest({ ...baseInput(), policy: { ...baseInput().policy, version: '2.0' } }),
    );
    expect(published).toMatchObject({ ok: true, created: true, policy: { seq: 4 } });
    expect(await verifyPolicies(store.db)).toMatchObject({ ok: true, records: 4 });
    // A label used twice before the migration stays refused for any further content.
    expect(await publishPolicy(store.db, labelled('1.1', 'a third content'))).toMatchObject({ ok: false });
    await sql`UPDATE pledge_policy_versions SET renewal_purposes = '{}' WHERE seq = 2`.execute(store.db);
    expect(await faults(store)).toEqual([['edited', 2, '1.1']]);
  });
});
