import { readFile } from 'node:fs/promises';
import { type Dataset, type DatasetField, fieldReferences, type Manifest, parseManifest } from '@pledge/core';
import { exampleDefinitions } from '../../src/examples/index.js';
import { examplePath } from '../../src/schema-files.js';
import type { ExampleName, KnownSubject } from '../../src/types.js';
import { listFiles, redisKeys, type Sandbox } from './stores.js';

/** A field's one reference: the examples give at most one per field. */
export function referenceOf(field: Pick<DatasetField, 'references' | 'name'>): string | undefined {
  const list = fieldReferences(field);
  if (list.length > 1) throw new Error(`${field.name}: the examples give one reference per field`);
  return list[0];
}

/** The example's manifest, parsed; throws with the issues when it does not validate. */
export async function loadManifest(example: ExampleName): Promise<Manifest> {
  const file = examplePath(example, 'pledge.yaml');
  const result = parseManifest(await readFile(file, 'utf8'), { file });
  if (!result.ok)
    throw new Error(`${example} manifest invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.manifest;
}

/** The manifest field a `dataset.collection.field` reference points to. */
export function referencedField(manifest: Manifest, reference: string) {
  const [datasetId, collectionName, fieldName] = reference.split('.');
  const dataset = manifest.datasets.find((d) => d.id === datasetId);
  const collection = dataset?.collections.find((c) => c.name === collectionName);
  const field = collection?.fields.find((f) => f.name === fieldName);
  return dataset && collection && field ? { dataset, collection, field } : undefined;
}

type Values = Set<string>;

/**
 * The values of a field that identify the subject: its own identity values, or, for a
 * reference, the values of the referenced field in the subject's rows (one hop, SQL only),
 * which is how a data-subject request reaches the row.
 */
async function subjectValues(
  manifest: Manifest,
  dataset: Dataset,
  field: DatasetField,
  known: KnownSubject,
  sandbox: Sandbox,
): Promise<Values> {
  if (field.identity) return new Set(known.identities[field.identity] ?? []);
  const reference = referenceOf(field);
  if (!reference) return new Set();
  const target = referencedField(manifest, reference);
  if (!target) throw new Error(`${dataset.id}: dangling reference ${reference}`);
  if (target.field.identity) return new Set(known.identities[target.field.identity] ?? []);
  if (target.dataset.datastore.kind !== 'postgres' && target.dataset.datastore.kind !== 'mysql')
    return new Set();
  const rows = await sqlRowsOfSubject(manifest, target.dataset, target.collection.name, known, sandbox);
  return new Set(rows.map((row) => String(row[target.field.name])));
}

async function sqlRowsOfSubject(
  manifest: Manifest,
  dataset: Dataset,
  table: string,
  known: KnownSubject,
  sandbox: Sandbox,
): Promise<Record<string, unknown>[]> {
  const collection = dataset.collections.find((c) => c.name === table);
  if (!collection) return [];
  const terms: string[] = [];
  const params: unknown[] = [];
  const postgres = dataset.datastore.kind === 'postgres';
  for (const field of collection.fields) {
    // Only direct links to the subject: a reference to another row (device_id) is not one.
    const direct =
      field.identity ??
      (referenceOf(field)
        ? referencedField(manifest, referenceOf(field) as string)?.field.identity
        : undefined);
    if (!direct) continue;
    const values = [...(await subjectValues(manifest, dataset, field, known, sandbox))];
    if (values.length === 0) continue;
    const marks = values.map((v) => {
      params.push(v);
      return postgres ? `$${params.length}` : '?';
    });
    terms.push(`${postgres ? `${field.name}::text` : field.name} IN (${marks.join(', ')})`);
  }
  if (terms.length === 0) return [];
  return sandbox.sql(`SELECT * FROM ${table} WHERE ${terms.join(' OR ')}`, params);
}

/**
 * Rows, keys and files per manifest collection that a data-subject request for `known`
 * would reach, found from the manifest's identity and reference fields in the real stores.
 */
export async function subjectRowsInStores(
  example: ExampleName,
  manifest: Manifest,
  known: KnownSubject,
  sandbox: Sandbox,
): Promise<Record<string, number>> {
  const definition = exampleDefinitions[example];
  const out: Record<string, number> = {};
  for (const dataset of manifest.datasets) {
    for (const collection of dataset.collections) {
      const key = `${dataset.id}.${collection.name}`;
      if (dataset.datastore.kind === 'postgres' || dataset.datastore.kind === 'mysql') {
        out[key] = (await sqlRowsOfSubject(manifest, dataset, collection.name, known, sandbox)).length;
      } else if (dataset.datastore.kind === 'redis' && sandbox.redis) {
        const prefix = sandbox.targets.redisPrefix ?? '';
        let n = 0;
        for (const redisKey of await redisKeys(sandbox.redis, prefix, [collection.name])) {
          const hash = await sandbox.redis.hgetall(redisKey);
          let match = false;
          for (const field of collection.fields) {
            const values = await subjectValues(manifest, dataset, field, known, sandbox);
            if (hash[field.name] !== undefined && values.has(hash[field.name] as string)) match = true;
          }
          if (match) n++;
        }
        out[key] = n;
      } else if (dataset.datastore.kind === 'files' && sandbox.targets.filesDir) {
        const [folder, placeholder] = collection.name.split('/{') as [string, string];
        const field = collection.fields.find((f) => f.name === placeholder.replace('}', ''));
        const values = field ? await subjectValues(manifest, dataset, field, known, sandbox) : new Set();
        const files = await listFiles(sandbox.targets.filesDir);
        out[key] = files.filter(
          (f) => f.startsWith(`${folder}/`) && values.has(f.split('/')[1] as string),
        ).length;
      }
    }
  }
  if (Object.keys(out).length === 0) throw new Error(`${definition.name}: manifest has no datasets`);
  return out;
}
