import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectorError, FilesConnector } from '../src/index.js';
import { runConformance } from './conformance.js';
import type { ConformanceFixture } from './conformance-fixture.js';
import { CANARY, collection } from './seed.js';

const profiles = collection('profiles/{user_id}', ['user_id', 'document']);
const screenshots = collection('screenshots/{account_id}', ['account_id', 'image']);

function put(root: string, path: string, content: string, modified: string): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  const at = new Date(modified);
  utimesSync(file, at, at);
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out.sort();
}

function filesFixture(root: string, outside: string): ConformanceFixture {
  return {
    connector: new FilesConnector({ root }),
    model: 'blobs',
    people: profiles,
    related: screenshots,
    identityField: 'user_id',
    idField: 'user_id',
    referenceField: 'account_id',
    anchorField: 'modified',
    subjects: {
      alice: { identity: 'u-alice', id: 'u-alice' },
      bob: { identity: 'u-bob', id: 'u-bob' },
      carol: { identity: 'u-carol', id: 'u-carol' },
    },
    async reset() {
      for (const entry of readdirSync(root)) rmSync(join(root, entry), { recursive: true, force: true });
      put(root, 'profiles/u-alice/profile.json', '{"name":"Alice"}', '2021-03-04T05:06:07Z');
      put(root, 'profiles/u-bob/profile.json', `{"email":"${CANARY}@example.org"}`, '2022-07-08T09:10:11Z');
      put(root, 'profiles/u-carol/profile.json', '{"name":"Ülrich"}', '2023-01-02T03:04:05Z');
      put(root, 'screenshots/u-alice/2020-01-01.png', 'alice-old', '2020-01-01T00:00:00Z');
      put(root, 'screenshots/u-alice/2024-06-01.png', 'alice-new', '2024-06-01T12:00:00Z');
      put(root, 'screenshots/u-bob/2019-05-05.png', 'bob-old', '2019-05-05T05:05:05Z');
      put(root, 'screenshots/u-bob/2025-01-01.png', 'bob-new', '2025-01-01T00:00:00Z');
      put(root, 'screenshots/u-carol/2020-02-02.png', 'carol-old', '2020-02-02T02:02:02Z');
      put(root, 'screenshots/u-carol/alarms/2024-02-02.png', 'carol-new', '2024-02-02T02:02:02Z');
      put(root, 'README.txt', 'not a subject', '2018-01-01T00:00:00Z');
      put(outside, 'secret.txt', 'outside the root', '2018-01-01T00:00:00Z');
    },
    async seedBulk(n) {
      for (let i = 0; i < n; i++)
        put(root, `screenshots/u-bulk/${i}.png`, `bulk-${i}`, '2024-03-03T03:03:03Z');
      return 'u-bulk';
    },
    async snapshot() {
      const out = new Map<string, string>();
      for (const file of walk(root)) {
        const path = relative(root, file).split(sep).join('/');
        const name = path.startsWith('profiles/')
          ? profiles.name
          : path.startsWith('screenshots/')
            ? screenshots.name
            : 'other';
        const info = lstatSync(file);
        const content = info.isFile()
          ? createHash('sha256').update(readFileSync(file)).digest('hex')
          : 'link';
        out.set(`${name}|${path}`, JSON.stringify({ content, size: info.size, mtime: info.mtimeMs }));
      }
      return out;
    },
    // One unlink per file plus the removal of the emptied subject folder: files have no set-based delete.
    expectedEraseStatements: (n) => n + 1,
    expectedTransformStatements: () => Number.NaN,
    async drop() {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    },
  };
}

describe('files connector', () => {
  let root = '';
  let outside = '';
  const fixture = runConformance({
    name: 'files',
    async open() {
      root = mkdtempSync(join(tmpdir(), 'pledge-conn-files-'));
      outside = mkdtempSync(join(tmpdir(), 'pledge-conn-outside-'));
      return filesFixture(root, outside);
    },
  });

  it('reads metadata and the content hash of each file', async () => {
    const rows = await fixture().connector.read(screenshots, ['screenshots/u-carol/alarms/2024-02-02.png']);
    expect(rows).toEqual([
      {
        path: 'screenshots/u-carol/alarms/2024-02-02.png',
        account_id: 'u-carol',
        name: '2024-02-02.png',
        size: 9,
        modified: '2024-02-02T02:02:02.000Z',
        sha256: createHash('sha256').update('carol-new').digest('hex'),
      },
    ]);
  });

  it('refuses traversal and paths outside the collection, naming the argument', async () => {
    const c = fixture().connector;
    for (const value of ['../u-bob', '..', 'a/b', '', 'x\\..\\y']) {
      const error = await c.locate(screenshots, { field: 'account_id', values: [value] }).catch((e) => e);
      expect(error, value).toBeInstanceOf(ConnectorError);
      expect([error.code, error.path]).toEqual(['path-unsafe', 'where.values[0]']);
    }
    for (const key of [
      'screenshots/u-alice/../u-bob/2019-05-05.png',
      '/etc/passwd',
      'profiles/u-alice/profile.json',
      'screenshots/u-alice',
      'screenshots//2020.png',
    ]) {
      const error = await c.erase(screenshots, [key], { image: 'delete-row' }).catch((e) => e);
      expect([error.code, error.path], key).toEqual(['path-unsafe', 'keys[0]']);
    }
    expect(existsSync(join(root, 'screenshots/u-bob/2019-05-05.png'))).toBe(true);
    const error = await c.locate(screenshots, { field: 'image', values: ['x'] }).catch((e) => e);
    expect([error.code, error.path]).toEqual(['operation-unsupported', 'where.field']);
  });

  it('never follows a link out of the root', async () => {
    const c = fixture().connector;
    symlinkSync(join(outside, 'secret.txt'), join(root, 'screenshots/u-alice/evil.png'));
    symlinkSync(outside, join(root, 'screenshots/u-dave'));
    expect(await c.locate(screenshots, { field: 'account_id', values: ['u-alice'] })).toHaveLength(2);
    expect(await c.locate(screenshots, { field: 'account_id', values: ['u-dave'] })).toEqual([]);
    for (const key of ['screenshots/u-alice/evil.png', 'screenshots/u-dave/secret.txt']) {
      const error = await c.erase(screenshots, [key], { image: 'delete-row' }).catch((e) => e);
      expect([error.code, error.path], key).toEqual(['path-unsafe', 'keys[0]']);
    }
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('outside the root');
  });

  it("removes the folders it empties, and keeps a folder still holding a subject's files", async () => {
    const c = fixture().connector;
    await c.erase(screenshots, ['screenshots/u-carol/alarms/2024-02-02.png'], { image: 'delete-row' });
    expect(existsSync(join(root, 'screenshots/u-carol/alarms'))).toBe(false);
    expect(existsSync(join(root, 'screenshots/u-carol/2020-02-02.png'))).toBe(true);
    const keys = await c.locate(screenshots, { field: 'account_id', values: ['u-alice'] });
    await c.erase(screenshots, keys, { image: 'null' });
    expect(existsSync(join(root, 'screenshots/u-alice'))).toBe(false);
    expect(existsSync(join(root, 'screenshots'))).toBe(true);
  });

  it('counts retention by modification time only', async () => {
    const error = await fixture()
      .connector.countRetention(screenshots, 'image', new Date())
      .catch((e) => e);
    expect([error.code, error.path]).toEqual(['value-invalid', 'anchorField']);
  });
});
