import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { FileRecord } from '../types.js';

/** The fixed folder a pattern such as `screenshots/{account_id}` starts with. */
function fixedFolder(pattern: string): string {
  const segments = pattern.split('/');
  const at = segments.findIndex((s) => s.includes('{'));
  const fixed = segments.slice(0, at < 0 ? segments.length : at);
  if (fixed.length === 0 || fixed.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`folder pattern ${JSON.stringify(pattern)} has no fixed leading folder`);
  }
  return fixed.join('/');
}

/** Writes files under a root, `concurrency` at a time, creating each folder once. */
export class FilesLoader {
  readonly #root: string;
  readonly #made = new Set<string>();

  constructor(root: string) {
    this.#root = resolve(root);
  }

  #path(relative: string): string {
    const absolute = resolve(this.#root, ...relative.split('/'));
    if (!absolute.startsWith(this.#root + sep)) throw new Error('file path leaves the files folder');
    return absolute;
  }

  /** Removes the fixed leading folder of each pattern (its whole subtree), then makes sure the root exists. */
  async clear(patterns: readonly string[]): Promise<void> {
    for (const pattern of patterns) {
      await rm(join(this.#root, fixedFolder(pattern)), { recursive: true, force: true });
    }
    await mkdir(this.#root, { recursive: true });
  }

  async write(records: readonly FileRecord[], concurrency = 32): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < records.length) {
        const record = records[next++] as FileRecord;
        const file = this.#path(record.path);
        const folder = dirname(file);
        if (!this.#made.has(folder)) {
          await mkdir(folder, { recursive: true });
          this.#made.add(folder);
        }
        await writeFile(file, record.content);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, records.length) }, worker));
  }
}
