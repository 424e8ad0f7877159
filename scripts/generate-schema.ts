/**
 * Writes schema/pledge.schema.json from the zod `ManifestSchema` (`npm run schema`).
 * A test checks that the committed file equals this output.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { manifestJsonSchemaText } from '@pledge/cli';

/** Where the schema is committed. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schema/pledge.schema.json', import.meta.url));

/** The text the schema file must hold. */
export function generateSchema(): string {
  return manifestJsonSchemaText();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(SCHEMA_FILE, generateSchema());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
