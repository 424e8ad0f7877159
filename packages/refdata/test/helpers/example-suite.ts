import type { Manifest } from '@pledge/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleDefinitions } from '../../src/examples/index.js';
import { generate } from '../../src/generate.js';
import { knownSubject } from '../../src/known-subject.js';
import type { ExampleName, GenerateResult } from '../../src/types.js';
import { loadManifest, referencedField, referenceOf, subjectRowsInStores } from './manifest.js';
import { listFiles, openSandbox, redisKeys, type Sandbox, snapshot, storesAvailable } from './stores.js';

/** Checks the documented per-subject proportions on the counts of a generation of `scale` subjects. */
export type Proportions = (counts: Record<string, number>, scale: number) => void;

/** `value` is in [min, max]. */
export function between(value: number | undefined, min: number, max: number): void {
  expect(value).toBeGreaterThanOrEqual(min);
  expect(value).toBeLessThanOrEqual(max);
}

const SCALE = 12;
const LARGER = 30;
const SEED = 7;

function sqlDataset(manifest: Manifest, example: ExampleName) {
  const dataset = manifest.datasets.find((d) => d.id === exampleDefinitions[example].sql.dataset);
  if (!dataset) throw new Error(`${example}: manifest has no SQL dataset`);
  return dataset;
}

/**
 * The suite every example runs against the real local servers: the created schema against
 * the manifest, indexes, determinism, proportions, and {@link knownSubject} against the stores.
 */
export async function exampleSuite(example: ExampleName, proportions: Proportions): Promise<void> {
  const ready = await storesAvailable(example);
  describe.skipIf(!ready)(`reference data of ${example}`, () => {
    const definition = exampleDefinitions[example];
    const sandboxes: Sandbox[] = [];
    const run = async (scale: number, seed: number) => {
      const sandbox = await openSandbox(example);
      sandboxes.push(sandbox);
      const result = await generate({ example, scale, seed, targets: sandbox.targets, batchRows: 200 });
      return { sandbox, result };
    };
    let manifest: Manifest;
    let main: { sandbox: Sandbox; result: GenerateResult };

    beforeAll(async () => {
      manifest = await loadManifest(example);
      main = await run(SCALE, SEED);
    });
    afterAll(async () => {
      for (const sandbox of sandboxes) await sandbox.drop();
    });

    it('creates exactly the tables and columns of the manifest dataset', async () => {
      const postgres = definition.sql.dialect === 'postgres';
      const rows = await main.sandbox.sql(
        postgres
          ? 'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()'
          : 'SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name FROM information_schema.columns WHERE table_schema = DATABASE()',
      );
      const actual: Record<string, string[]> = {};
      for (const row of rows) {
        const table = String(row.table_name);
        actual[table] = [...(actual[table] ?? []), String(row.column_name)];
      }
      const expected: Record<string, string[]> = {};
      for (const c of sqlDataset(manifest, example).collections)
        expected[c.name] = c.fields.map((f) => f.name).sort();
      for (const table of Object.keys(actual)) actual[table]?.sort();
      expect(actual).toEqual(expected);
    });

    it('has a foreign key for each reference inside the SQL store, and no other', async () => {
      const dataset = sqlDataset(manifest, example);
      const rows = await main.sandbox.sql(
        definition.sql.dialect === 'postgres'
          ? `SELECT cl.relname AS t, a.attname AS c, rc.relname AS rt, ra.attname AS rcol
               FROM pg_constraint k
               JOIN pg_class cl ON cl.oid = k.conrelid
               JOIN pg_namespace n ON n.oid = cl.relnamespace
               JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
               JOIN pg_class rc ON rc.oid = k.confrelid
               JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
              WHERE k.contype = 'f' AND n.nspname = current_schema()`
          : `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, REFERENCED_TABLE_NAME AS rt, REFERENCED_COLUMN_NAME AS rcol
               FROM information_schema.KEY_COLUMN_USAGE
              WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL`,
      );
      const actual = rows.map((r) => `${r.t}.${r.c} -> ${dataset.id}.${r.rt}.${r.rcol}`).sort();
      const expected = dataset.collections
        .flatMap((c) => c.fields.map((f) => ({ c, f })))
        .filter(({ f }) => referenceOf(f)?.startsWith(`${dataset.id}.`))
        .map(({ c, f }) => `${c.name}.${f.name} -> ${referenceOf(f)}`)
        .sort();
      expect(actual).toEqual(expected);
    });

    it('resolves every reference from Redis and files into the SQL store', async () => {
      const ids = async (reference: string) => {
        const target = referencedField(manifest, reference);
        expect(target, reference).toBeDefined();
        const rows = await main.sandbox.sql(
          `SELECT ${target?.field.name} AS v FROM ${target?.collection.name}`,
        );
        return new Set(rows.map((r) => String(r.v)));
      };
      let checked = 0;
      for (const dataset of manifest.datasets) {
        for (const collection of dataset.collections) {
          for (const field of collection.fields) {
            const reference = referenceOf(field);
            if (!reference || reference.startsWith(`${dataset.id}.`)) continue;
            const known = await ids(reference);
            const values: string[] = [];
            if (dataset.datastore.kind === 'redis' && main.sandbox.redis) {
              const prefix = main.sandbox.targets.redisPrefix ?? '';
              const [before, after] = collection.name.split(`{${field.name}}`);
              for (const key of await redisKeys(main.sandbox.redis, prefix, [collection.name])) {
                const value = (await main.sandbox.redis.hget(key, field.name)) ?? '(missing)';
                values.push(value);
                // A field named in the key pattern must agree with the key: connectors locate by the key.
                if (after !== undefined) expect(key).toBe(`${prefix}${before}${value}${after}`);
              }
            } else if (dataset.datastore.kind === 'files' && main.sandbox.targets.filesDir) {
              const folder = collection.name.split('/{')[0];
              for (const file of await listFiles(main.sandbox.targets.filesDir)) {
                if (file.startsWith(`${folder}/`)) values.push(file.split('/')[1] as string);
              }
            }
            expect(values.length, `${dataset.id}.${collection.name}`).toBeGreaterThan(0);
            for (const value of values) expect(known.has(value), `${reference} = ${value}`).toBe(true);
            checked++;
          }
        }
      }
      expect(checked).toBe(
        manifest.datasets
          .filter((d) => d.datastore.kind === 'redis' || d.datastore.kind === 'files')
          .flatMap((d) => d.collections.flatMap((c) => c.fields.filter((f) => f.references))).length,
      );
    });

    it('looks up every identity and reference column through an index', async () => {
      const dataset = sqlDataset(manifest, example);
      const postgres = definition.sql.dialect === 'postgres';
      let checked = 0;
      for (const collection of dataset.collections) {
        for (const field of collection.fields.filter((f) => f.identity || f.references)) {
          const what = `${collection.name}.${field.name}`;
          const [sample] = await main.sandbox.sql(
            `SELECT ${field.name} AS v FROM ${collection.name} WHERE ${field.name} IS NOT NULL LIMIT 1`,
          );
          expect(sample, what).toBeDefined();
          if (postgres) {
            // With sequential scans priced out, a plan without a usable index still scans sequentially.
            await main.sandbox.sql('SET enable_seqscan = off');
            const [row] = await main.sandbox.sql(
              `EXPLAIN (FORMAT JSON) SELECT * FROM ${collection.name} WHERE ${field.name} = $1`,
              [sample?.v],
            );
            await main.sandbox.sql('SET enable_seqscan = on');
            const plan = JSON.stringify(row?.['QUERY PLAN']);
            expect(plan, what).not.toContain('Seq Scan');
            expect(plan, what).toContain('"Index Name"');
          } else {
            const [row] = await main.sandbox.sql(
              `EXPLAIN SELECT * FROM ${collection.name} WHERE ${field.name} = ?`,
              [sample?.v],
            );
            expect(row?.possible_keys, what).toBeTruthy();
          }
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it('reports the counts it wrote', async () => {
      const written = await snapshot(example, main.sandbox);
      const counts = Object.fromEntries(Object.entries(written).map(([k, v]) => [k, v.count]));
      expect(main.result.counts).toEqual(counts);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      expect(main.result.sqlRows + main.result.redisKeys + main.result.files).toBe(total);
      proportions(counts, SCALE);
    });

    it('writes the same data for the same seed and different data for another seed', async () => {
      const again = await run(SCALE, SEED);
      const other = await run(SCALE, SEED + 1);
      const [a, b, c] = await Promise.all([main, again, other].map((g) => snapshot(example, g.sandbox)));
      expect(b).toEqual(a);
      for (const [key, value] of Object.entries(a ?? {})) {
        if (value.count > 0) expect(c?.[key]?.sha256, key).not.toBe(value.sha256);
      }
    });

    it('grows in proportion to the scale and keeps the first subjects unchanged', async () => {
      const larger = await run(LARGER, SEED);
      proportions(larger.result.counts, LARGER);
      const small = await snapshot(example, main.sandbox);
      for (const table of definition.sql.tables) {
        const key = `${definition.sql.dataset}.${table.name}`;
        const n = small[key]?.count ?? 0;
        expect(larger.result.counts[key]).toBeGreaterThanOrEqual(n);
        const first = await larger.sandbox.sql(`SELECT * FROM ${table.name} ORDER BY id LIMIT ${n}`);
        const all = await main.sandbox.sql(`SELECT * FROM ${table.name} ORDER BY id`);
        expect(first).toEqual(all);
      }
    });

    it("finds knownSubject's identities, with the rows it announces, in the stores", async () => {
      for (const index of [0, 1, 2, 3, SCALE - 1]) {
        const known = knownSubject(example, index, SEED, SCALE);
        expect(knownSubject(example, index, SEED, LARGER).identities).toEqual(known.identities);
        const dataset = sqlDataset(manifest, example);
        for (const [kind, values] of Object.entries(known.identities)) {
          const fields = dataset.collections.flatMap((c) =>
            c.fields.filter((f) => f.identity === kind).map((f) => ({ table: c.name, column: f.name })),
          );
          expect(fields.length, `an identity field of kind ${kind}`).toBeGreaterThan(0);
          for (const value of values ?? []) {
            let found = 0;
            for (const { table, column } of fields) {
              const cast = definition.sql.dialect === 'postgres' ? '::text' : '';
              const mark = definition.sql.dialect === 'postgres' ? '$1' : '?';
              const rows = await main.sandbox.sql(`SELECT 1 FROM ${table} WHERE ${column}${cast} = ${mark}`, [
                value,
              ]);
              found += rows.length;
            }
            expect(found, `${kind} of subject ${index}`).toBeGreaterThan(0);
          }
        }
        expect(await subjectRowsInStores(example, manifest, known, main.sandbox)).toEqual(known.rows);
      }
    });
  });
}
