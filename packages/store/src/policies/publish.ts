import { type Change, diffManifests, type Manifest, purposesNeedingRenewal } from '@pledge/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { manifestHash } from './hash.js';

/** A published policy version. */
export interface PolicyVersion {
  seq: number;
  version: string;
  hash: string;
  manifest: Manifest;
  changes: Change[];
  renewalPurposes: string[];
  publishedAt: Date;
}

/** Outcome of {@link publishPolicy}: `created` is false when this exact manifest was already published. */
export interface PublishResult {
  created: boolean;
  policy: PolicyVersion;
}

function toVersion(row: {
  seq: number;
  version: string;
  hash: string;
  manifest: unknown;
  changes: unknown;
  renewal_purposes: string[];
  published_at: Date;
}): PolicyVersion {
  return {
    seq: Number(row.seq),
    version: row.version,
    hash: row.hash,
    manifest: row.manifest as Manifest,
    changes: row.changes as Change[],
    renewalPurposes: row.renewal_purposes,
    publishedAt: new Date(row.published_at),
  };
}

/** The most recently published version, if any. */
export async function latestPolicy(db: Kysely<Database>): Promise<PolicyVersion | undefined> {
  const row = await db
    .selectFrom('pledge_policy_versions')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** Every published version, oldest first. */
export async function listPolicies(db: Kysely<Database>): Promise<PolicyVersion[]> {
  const rows = await db.selectFrom('pledge_policy_versions').selectAll().orderBy('seq').execute();
  return rows.map(toVersion);
}

/**
 * Publishes a manifest as a policy version. The changes against the previous version
 * (see `diffManifests`) are stored with it, and purposes whose consents must be renewed
 * are recorded so decisions treat older consents to them as needing renewal.
 * Publishing the same manifest twice is a no-op.
 */
export async function publishPolicy(db: Kysely<Database>, manifest: Manifest): Promise<PublishResult> {
  const hash = manifestHash(manifest);
  return db.transaction().execute(async (trx) => {
    // One publisher at a time, so two versions never diff against the same predecessor.
    await sql`LOCK TABLE pledge_policy_versions IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    const existing = await trx
      .selectFrom('pledge_policy_versions')
      .selectAll()
      .where('hash', '=', hash)
      .executeTakeFirst();
    if (existing) return { created: false, policy: toVersion(existing) };
    const previous = await trx
      .selectFrom('pledge_policy_versions')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const changes = previous ? diffManifests(previous.manifest as Manifest, manifest) : [];
    const renewal = previous ? purposesNeedingRenewal(manifest, changes) : [];
    const row = await trx
      .insertInto('pledge_policy_versions')
      .values({
        version: manifest.policy.version,
        hash,
        manifest: JSON.stringify(manifest),
        changes: JSON.stringify(changes),
        renewal_purposes: renewal,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { created: true, policy: toVersion(row) };
  });
}
