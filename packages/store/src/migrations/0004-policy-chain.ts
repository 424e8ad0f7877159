import { type Kysely, sql } from 'kysely';
import { digest, GENESIS_HASH } from '../chain/canonical.js';
import { chainRecordsSince } from '../chain/read.js';
import { POLICY_CHAIN } from '../policies/chain-spec.js';

/**
 * Chains the published policy versions (see `POLICY_CHAIN`): the manifest hash column
 * becomes `manifest_hash`, the publication time `recorded_at` (set by the application from
 * now on), the manifest and changes become the JSON text that is hashed, and every existing
 * version is hashed as it is stored now, in publication order (sequence numbers are made
 * contiguous, which only changes them where a failed publish left a gap), so existing
 * versions verify and any later edit, deletion or insertion does not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = sql.table('pledge_policy_versions');
  for (const statement of [
    sql`ALTER TABLE ${t} RENAME COLUMN hash TO manifest_hash`,
    sql`ALTER TABLE ${t} RENAME COLUMN published_at TO recorded_at`,
    sql`ALTER TABLE ${t} ALTER COLUMN recorded_at DROP DEFAULT`,
    sql`ALTER TABLE ${t} ALTER COLUMN seq DROP DEFAULT`,
    sql`DROP SEQUENCE IF EXISTS pledge_policy_versions_seq_seq`,
    sql`ALTER TABLE ${t} ALTER COLUMN seq TYPE bigint`,
    sql`ALTER TABLE ${t} ALTER COLUMN manifest TYPE text USING manifest::text`,
    sql`ALTER TABLE ${t} ALTER COLUMN changes TYPE text USING changes::text`,
    sql`ALTER TABLE ${t} ADD COLUMN lint_accepted text`,
    sql`ALTER TABLE ${t} ADD COLUMN prev_hash text`,
    sql`ALTER TABLE ${t} ADD COLUMN hash text`,
    sql`ALTER TABLE ${t} ADD COLUMN format smallint`,
    sql`UPDATE ${t} SET seq = -r.n FROM (SELECT seq AS old, row_number() OVER (ORDER BY seq) AS n FROM ${t}) r WHERE seq = r.old`,
    sql`UPDATE ${t} SET seq = -seq`,
  ]) {
    await statement.execute(db);
  }
  const encode = POLICY_CHAIN.codec.formats[POLICY_CHAIN.codec.current];
  if (!encode) throw new Error('the policy chain has no current format');
  let prev = GENESIS_HASH;
  let seq = 0;
  for (;;) {
    const batch = await chainRecordsSince(db, POLICY_CHAIN, seq, 500);
    for (const record of batch) {
      const chained = { ...record, format: POLICY_CHAIN.codec.current, prevHash: prev };
      const hash = digest(encode(chained, POLICY_CHAIN.name));
      await sql`UPDATE ${t} SET prev_hash = ${prev}, hash = ${hash}, format = ${chained.format}
        WHERE seq = ${record.seq}`.execute(db);
      prev = hash;
      seq = record.seq;
    }
    if (batch.length < 500) break;
  }
  for (const column of ['prev_hash', 'hash', 'format']) {
    await sql`ALTER TABLE ${t} ALTER COLUMN ${sql.ref(column)} SET NOT NULL`.execute(db);
  }
  await sql`CREATE TABLE pledge_policy_head (id integer PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL)`.execute(
    db,
  );
  await sql`INSERT INTO pledge_policy_head (id, seq, hash) VALUES (${POLICY_CHAIN.head.id}, ${seq}, ${prev})`.execute(
    db,
  );
}

/** Drops the chain (hashes, head, accepted lint errors) and restores the earlier columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const t = sql.table('pledge_policy_versions');
  for (const statement of [
    sql`DROP TABLE pledge_policy_head`,
    sql`ALTER TABLE ${t} DROP COLUMN format`,
    sql`ALTER TABLE ${t} DROP COLUMN hash`,
    sql`ALTER TABLE ${t} DROP COLUMN prev_hash`,
    sql`ALTER TABLE ${t} DROP COLUMN lint_accepted`,
    sql`ALTER TABLE ${t} ALTER COLUMN changes TYPE jsonb USING changes::jsonb`,
    sql`ALTER TABLE ${t} ALTER COLUMN manifest TYPE jsonb USING manifest::jsonb`,
    sql`CREATE SEQUENCE pledge_policy_versions_seq_seq OWNED BY pledge_policy_versions.seq`,
    sql`SELECT setval('pledge_policy_versions_seq_seq', GREATEST((SELECT max(seq) FROM ${t}), 1))`,
    sql`ALTER TABLE ${t} ALTER COLUMN seq SET DEFAULT nextval('pledge_policy_versions_seq_seq')`,
    sql`ALTER TABLE ${t} ALTER COLUMN recorded_at SET DEFAULT now()`,
    sql`ALTER TABLE ${t} RENAME COLUMN recorded_at TO published_at`,
    sql`ALTER TABLE ${t} RENAME COLUMN manifest_hash TO hash`,
  ]) {
    await statement.execute(db);
  }
}
