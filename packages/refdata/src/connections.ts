import { readFile } from 'node:fs/promises';
import { parseManifest } from '@pledge/core';
import { exampleDefinitions } from './examples/index.js';
import { examplePath } from './schema-files.js';
import type { ExampleName } from './types.js';

/** The environment variables an example's manifest names for its datastores (`datastore.connection`). */
export interface ConnectionVariables {
  /** The PostgreSQL or MariaDB dataset's, e.g. `PLEDGE_CAMERA_PG_URL`. */
  sql?: string;
  redis?: string;
  files?: string;
}

/**
 * The connection variables of an example, read from its manifest: the ones a data-subject
 * request reads, so reference data goes where the requests look for it.
 */
export async function connectionVariables(example: ExampleName): Promise<ConnectionVariables> {
  const file = examplePath(example, 'pledge.yaml');
  const parsed = parseManifest(await readFile(file, 'utf8'), { file });
  if (!parsed.ok) throw new Error(`the ${example} example manifest does not validate`);
  const definition = exampleDefinitions[example];
  const variable = (dataset: string | undefined) =>
    dataset ? parsed.manifest.datasets.find((d) => d.id === dataset)?.datastore.connection : undefined;
  const out: ConnectionVariables = {};
  const sql = variable(definition.sql.dataset);
  const redis = variable(definition.redis?.dataset);
  const files = variable(definition.files?.dataset);
  if (sql) out.sql = sql;
  if (redis) out.redis = redis;
  if (files) out.files = files;
  return out;
}

/** A connection URL without its credentials, for messages. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
