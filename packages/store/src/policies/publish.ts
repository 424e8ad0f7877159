import { type Change, diffManifests, type Manifest, purposesNeedingRenewal } from '@pledge/core';
import type { Kysely, Selectable } from 'kysely';
import { type AppendOptions, appendInTransaction } from '../chain/append.js';
import { lockHead } from '../chain/read.js';
import type { Database } from '../db/schema.js';
import { POLICY_CHAIN } from './chain-spec.js';
import { manifestHash } from './hash.js';

/** A lint error published anyway, with the reason the manifest's override gives. */
export interface AcceptedLint {
  /** The lint rule's code. */
  rule: string;
  path: string;
  message: string;
  reason: string;
}

/** A published policy version. */
export interface PolicyVersion {
  seq: number;
  version: string;
  /** The manifest's hash (`sha256:`), its identity; events name the policy by it. */
  hash: string;
  manifest: Manifest;
  changes: Change[];
  renewalPurposes: string[];
  /** Lint errors accepted when it was published (empty when it had none). */
  acceptedLint: AcceptedLint[];
  publishedAt: Date;
  /** Its record's hash in the policy chain. */
  chainHash: string;
}

/**
 * Outcome of {@link publishPolicy}: `created` is false when this exact manifest was already
 * published; a refusal when its version label was already used for a different manifest.
 */
export type PublishResult =
  | { ok: true; created: boolean; policy: PolicyVersion }
  | {
      ok: false;
      code: 'policy.version-label-reused';
      path: 'policy.version';
      message: string;
      /** The version already published under the label. */
      existing: PolicyVersion;
    };

/** Options of {@link publishPolicy}. */
export interface PublishOptions extends AppendOptions {
  /** Lint errors the manifest's overrides accept, stored with the version. */
  acceptedLint?: readonly AcceptedLint[];
}

type Row = Selectable<Database['pledge_policy_versions']>;

function toVersion(row: Row): PolicyVersion {
  return {
    seq: Number(row.seq),
    version: row.version,
    hash: row.manifest_hash,
    manifest: JSON.parse(row.manifest) as Manifest,
    changes: JSON.parse(row.changes) as Change[],
    renewalPurposes: row.renewal_purposes,
    acceptedLint: row.lint_accepted ? (JSON.parse(row.lint_accepted) as AcceptedLint[]) : [],
    publishedAt: new Date(row.recorded_at),
    chainHash: row.hash,
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

/** The manifest hash of the most recently published version, without reading the manifest. */
export async function latestPolicyHash(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('pledge_policy_versions')
    .select('manifest_hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.manifest_hash;
}

/** The version published with this manifest hash (`manifestHash`), if any. */
export async function findPolicy(db: Kysely<Database>, hash: string): Promise<PolicyVersion | undefined> {
  const row = await db
    .selectFrom('pledge_policy_versions')
    .selectAll()
    .where('manifest_hash', '=', hash)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

/** Every published version, oldest first. */
export async function listPolicies(db: Kysely<Database>): Promise<PolicyVersion[]> {
  const rows = await db.selectFrom('pledge_policy_versions').selectAll().orderBy('seq').execute();
  return rows.map(toVersion);
}

/**
 * Publishes a manifest as a policy version, appended to the policy chain. The changes against
 * the previous version (see `diffManifests`) and the lint errors accepted are stored with it,
 * and purposes whose consents must be renewed are recorded so decisions treat older consents
 * to them as needing renewal. Publishing the same manifest twice is a no-op; a version label
 * already used for a different manifest is refused. Publishers queue on the chain head, so
 * two versions never diff against the same predecessor.
 */
export async function publishPolicy(
  db: Kysely<Database>,
  manifest: Manifest,
  options: PublishOptions = {},
): Promise<PublishResult> {
  const hash = manifestHash(manifest);
  return db.transaction().execute(async (trx): Promise<PublishResult> => {
    await lockHead<Database>(trx, POLICY_CHAIN);
    const existing = await trx
      .selectFrom('pledge_policy_versions')
      .selectAll()
      .where('manifest_hash', '=', hash)
      .executeTakeFirst();
    if (existing) return { ok: true, created: false, policy: toVersion(existing) };
    const label = manifest.policy.version;
    const sameLabel = await trx
      .selectFrom('pledge_policy_versions')
      .selectAll()
      .where('version', '=', label)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    if (sameLabel) {
      const used = toVersion(sameLabel);
      return {
        ok: false,
        code: 'policy.version-label-reused',
        path: 'policy.version',
        message: `version label "${label}" was already published (seq ${used.seq}) with a different manifest: give this one a new label`,
        existing: used,
      };
    }
    const previous = await trx
      .selectFrom('pledge_policy_versions')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const changes = previous ? diffManifests(JSON.parse(previous.manifest) as Manifest, manifest) : [];
    const renewal = previous ? purposesNeedingRenewal(manifest, changes) : [];
    const accepted = options.acceptedLint ?? [];
    const [appended] = await appendInTransaction<Database>(
      trx,
      POLICY_CHAIN,
      [
        {
          version: label,
          manifest_hash: hash,
          manifest: JSON.stringify(manifest),
          changes: JSON.stringify(changes),
          renewal_purposes: renewal,
          lint_accepted: accepted.length > 0 ? JSON.stringify(accepted) : null,
        },
      ],
      options,
    );
    const row = await trx
      .selectFrom('pledge_policy_versions')
      .selectAll()
      .where('seq', '=', appended?.seq as number)
      .executeTakeFirstOrThrow();
    return { ok: true, created: true, policy: toVersion(row) };
  });
}
