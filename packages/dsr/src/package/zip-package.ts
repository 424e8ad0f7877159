import { strToU8, unzipSync } from 'fflate';
import type { AccessDocument } from './access-document.js';
import { rowsToCsv } from './csv.js';
import { writeZip } from './zip-writer.js';

/** The file name of a collection's CSV: `dataset.collection.csv`, unsafe characters as `_`. */
export function csvName(dataset: string, collection: string): string {
  return `${dataset}.${collection}`.replace(/[^A-Za-z0-9_.-]/g, '_').concat('.csv');
}

/**
 * Zips an access package: `access.json` (the whole document) and `csv/<dataset.collection>.csv`
 * for each collection, so a person can open it and a machine can import it. Deflated by Node's
 * zlib (native code: several times faster than deflating in JavaScript, which was most of an
 * access request's own time), at level 6 as before.
 */
export function zipPackage(document: AccessDocument): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'access.json': strToU8(`${JSON.stringify(document, null, 2)}\n`),
  };
  for (const c of document.collections) {
    files[`csv/${csvName(c.dataset, c.collection)}`] = strToU8(rowsToCsv(c.rows));
  }
  return writeZip(files, 6, new Date(document.generatedAt));
}

/** The files of a zipped package, as text. */
export function unzipPackage(zip: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(zip))) out[name] = new TextDecoder().decode(bytes);
  return out;
}
