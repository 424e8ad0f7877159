import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ExampleName } from './types.js';

/** Absolute path of a file under `examples/<example>/`, e.g. `data/schema.postgres.sql`. */
export function examplePath(example: ExampleName, relative: string): string {
  return fileURLToPath(new URL(`../../../examples/${example}/${relative}`, import.meta.url));
}

/** The DDL of an example's SQL store, from `examples/<example>/data/<file>`. */
export function readSchemaFile(example: ExampleName, file: string): Promise<string> {
  return readFile(examplePath(example, `data/${file}`), 'utf8');
}
