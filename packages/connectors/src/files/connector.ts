import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { createReadStream } from 'node:fs';
import { lstat, readdir, realpath, rmdir, stat, unlink } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { normaliseIdentity } from '@pledge/core';
import { ConnectorBase } from '../connector-base.js';
import { ConnectorError, storeError, valueError } from '../errors.js';
import { matchSpec, wantedText } from '../match.js';
import type {
  CollectionRef,
  CommonOptions,
  Connector,
  DescribedCall,
  DescribeOptions,
  EraseOptions,
  ErasurePlan,
  Key,
  Row,
  StatementDescription,
  StatementOperation,
  Where,
  WriteResult,
} from '../types.js';
import { checkDate, checkFields, checkKeys, describedKeys, distinct, perCollection } from '../validate.js';
import {
  checkFileAnchor,
  checkFileLocateField,
  describeFiles,
  FILE_FIELDS,
  FILES_TEXT,
  rectifyRefused,
  resolveFilePlan,
} from './describe.js';
import { type FolderPattern, idOfFileKey, parseFolderPattern, safeSegment } from './pattern.js';

/** Options of the files connector. */
export interface FilesOptions extends CommonOptions {
  /** Folder every collection pattern is relative to. */
  root: string;
}

export { FILE_FIELDS };

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const part of createReadStream(file)) hash.update(part as Buffer);
  return hash.digest('hex');
}

/**
 * Folders of per-subject files under a root: a collection is a folder pattern whose one
 * placeholder segment is the subject's id, e.g. `screenshots/{account_id}`; a key is a
 * file's path relative to the root, with `/`. Read gives metadata and a SHA-256 of the
 * content; erase removes files (a blob has no masked form, so only `delete-row`, `null`
 * and `keep` apply) and then the folders it emptied. Paths that leave the root, pass
 * through a symbolic link or do not fit the pattern are refused. Files cannot be
 * rectified, and each file is one file-system call: there is no set-based unlink.
 */
export class FilesConnector extends ConnectorBase implements Connector {
  readonly kind = 'files' as const;
  readonly #options: FilesOptions;
  readonly #folder = perCollection(parseFolderPattern);
  #root: string | null = null;

  constructor(options: FilesOptions) {
    // The batch size is checked for the common interface; each file is its own call.
    super('files', options);
    this.#options = options;
  }

  async connect(): Promise<void> {
    if (this.#root) return;
    try {
      const root = await realpath(this.#options.root);
      if (!(await stat(root)).isDirectory())
        throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      this.#root = root;
    } catch (error) {
      throw storeError('files', 'introspect', '(root)', error);
    }
  }

  async close(): Promise<void> {
    this.#root = null;
  }

  #rootPath(): string {
    if (!this.#root) throw new ConnectorError('not-connected', 'files connector is not connected');
    return this.#root;
  }

  #subjectDir(folder: FolderPattern, id: string): string {
    return join(this.#rootPath(), ...folder.before, id, ...folder.after);
  }

  /** The absolute path of a key, refusing one that resolves outside the root or through a link. */
  async #inside(key: string, path: string): Promise<string | null> {
    const root = this.#rootPath();
    const absolute = resolve(root, key);
    if (!absolute.startsWith(root + sep)) throw valueError('path-unsafe', path, 'leaves the root folder');
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(absolute);
      const parent = await realpath(resolve(absolute, '..'));
      if (parent !== resolve(absolute, '..')) throw valueError('path-unsafe', path, 'passes through a link');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
      throw error;
    }
    if (!info.isFile()) throw valueError('path-unsafe', path, 'is not a regular file');
    return absolute;
  }

  async #walk(
    operation: StatementOperation,
    collection: CollectionRef,
    dir: string,
    out: string[],
  ): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await this.statement(operation, collection, FILES_TEXT.readdir, () =>
        readdir(dir, { withFileTypes: true }),
      );
    } catch (error) {
      if (error instanceof ConnectorError && error.storeCode === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      // Links are never followed: they could lead out of the root.
      if (entry.isDirectory()) await this.#walk(operation, collection, full, out);
      else if (entry.isFile()) out.push(full);
    }
  }

  #relative(absolute: string): string {
    return absolute
      .slice(this.#rootPath().length + 1)
      .split(sep)
      .join('/');
  }

  /**
   * Files under the subject folders of the values. Exact (or folder names stored normalised):
   * the folder of each value, by its exact name. Another rule: the folder holding the subject
   * folders is listed and each name normalised by the rule, then compared exactly.
   */
  async locate(collection: CollectionRef, where: Where): Promise<Key[]> {
    const folder = this.#folder(collection);
    checkFileLocateField(collection, folder, where?.field);
    const spec = matchSpec(where);
    if (!Array.isArray(where.values)) throw valueError('value-invalid', 'where.values', 'must be an array');
    const wanted: string[] = [];
    where.values.forEach((value, i) => {
      const id = wantedText(value, spec.rule);
      if (id === null && String(value).trim() !== '') return;
      if (id === null || !safeSegment(id))
        throw valueError('path-unsafe', `where.values[${i}]`, 'is not a safe folder name');
      wanted.push(id);
    });
    let ids = distinct(wanted);
    if (ids.length > 0 && spec.normaliseColumn) {
      const want = new Set(ids);
      const names = await this.#subjectNames(collection, folder);
      ids = names.filter((name) => {
        const text = normaliseIdentity(spec.rule, name);
        return text !== null && want.has(text);
      });
    }
    const files: string[] = [];
    for (const id of ids) {
      const dir = this.#subjectDir(folder, id);
      // A subject folder reached through a link could list files outside the root.
      if ((await realpath(dir).catch(() => null)) === dir) await this.#walk('locate', collection, dir, files);
    }
    return files.map((f) => this.#relative(f));
  }

  /** Names of the subject folders of a collection (the folder holding them, listed once). */
  async #subjectNames(collection: CollectionRef, folder: FolderPattern): Promise<string[]> {
    const base = join(this.#rootPath(), ...folder.before);
    try {
      const entries = await this.statement('locate', collection, FILES_TEXT.readdir, () =>
        readdir(base, { withFileTypes: true }),
      );
      return entries.filter((e) => e.isDirectory() && safeSegment(e.name)).map((e) => e.name);
    } catch (error) {
      if (error instanceof ConnectorError && error.storeCode === 'ENOENT') return [];
      throw error;
    }
  }

  async read(collection: CollectionRef, keys: readonly Key[], fields?: readonly string[]): Promise<Row[]> {
    const folder = this.#folder(collection);
    checkKeys(keys);
    const wanted = checkFields(collection, fields, [folder.placeholder, ...FILE_FIELDS]);
    const rows: Row[] = [];
    for (const [i, key] of distinct(keys).entries()) {
      const id = idOfFileKey(folder, key, `keys[${i}]`);
      const file = await this.#inside(String(key), `keys[${i}]`);
      if (!file) continue;
      const row = await this.statement('read', collection, FILES_TEXT.read, async () => {
        const info = await lstat(file);
        return {
          path: String(key),
          [folder.placeholder]: id,
          name: String(key).split('/').pop(),
          size: info.size,
          modified: info.mtime.toISOString(),
          sha256: await sha256(file),
        } as Row;
      });
      const pick = wanted ? new Set(['path', ...wanted]) : null;
      rows.push(pick ? Object.fromEntries(Object.entries(row).filter(([k]) => pick.has(k))) : row);
    }
    return rows;
  }

  async erase(
    collection: CollectionRef,
    keys: readonly Key[],
    plan: ErasurePlan,
    options?: EraseOptions,
  ): Promise<WriteResult> {
    const folder = this.#folder(collection);
    checkKeys(keys);
    // Accepted for the common interface; each file is its own call whatever the batch.
    this.batchSizeOf(options);
    const resolved = resolveFilePlan(collection, folder, plan, this.capabilities, options);
    const result: WriteResult = { affected: 0, statements: 0 };
    if (!resolved.deleteRow && resolved.updates.length === 0) return result;
    const targets: Array<{ file: string; subject: string }> = [];
    for (const [i, key] of distinct(keys).entries()) {
      const id = idOfFileKey(folder, key, `keys[${i}]`);
      const file = await this.#inside(String(key), `keys[${i}]`);
      if (file) targets.push({ file, subject: this.#subjectDir(folder, id) });
    }
    const emptied = new Set<string>();
    for (const { file, subject } of targets) {
      result.statements++;
      const removed = await this.statement('erase', collection, FILES_TEXT.unlink, () =>
        unlink(file).then(
          () => true,
          (error: { code?: string }) => (error.code === 'ENOENT' ? false : Promise.reject(error)),
        ),
      );
      if (removed) result.affected++;
      for (let dir = resolve(file, '..'); dir.startsWith(subject); dir = resolve(dir, '..')) emptied.add(dir);
    }
    // Deepest first; a folder still holding other files stays.
    for (const dir of [...emptied].sort((a, b) => b.length - a.length)) {
      result.statements++;
      await this.statement('erase', collection, FILES_TEXT.rmdir, () => rmdir(dir).catch(() => undefined));
    }
    return result;
  }

  async rectify(): Promise<WriteResult> {
    throw rectifyRefused();
  }

  async countRetention(collection: CollectionRef, anchorField: string, before: Date): Promise<number> {
    const folder = this.#folder(collection);
    checkFileAnchor(anchorField);
    checkDate(before, 'before');
    const base = join(this.#rootPath(), ...folder.before);
    let subjects: string[] = [];
    try {
      const entries = await this.statement('count', collection, FILES_TEXT.readdir, () =>
        readdir(base, { withFileTypes: true }),
      );
      subjects = entries.filter((e) => e.isDirectory()).map((e) => e.name);
    } catch (error) {
      if (!(error instanceof ConnectorError && error.storeCode === 'ENOENT')) throw error;
    }
    let count = 0;
    for (const id of subjects) {
      const dir = this.#subjectDir(folder, id);
      if ((await realpath(dir).catch(() => null)) !== dir) continue;
      const files: string[] = [];
      await this.#walk('count', collection, dir, files);
      for (const file of files) {
        const info = await this.statement('count', collection, FILES_TEXT.lstat, () => lstat(file));
        if (info.mtime.getTime() < before.getTime()) count++;
      }
    }
    return count;
  }

  describe(
    collection: CollectionRef,
    call: DescribedCall,
    options: DescribeOptions = {},
  ): StatementDescription[] {
    const folder = this.#folder(collection);
    describedKeys(options);
    return describeFiles(collection, folder, call, this.capabilities, (operation, text, per) =>
      this.described(operation, collection, text, per),
    );
  }
}
