import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.js';
import { startServer } from '../src/start.js';
import { REPO_ROOT } from './fixtures.js';
import {
  antsentryWith,
  backends,
  documentChecker,
  freshStore,
  post,
  type TestApp,
  testApp,
  versionCount,
} from './helpers.js';

const yaml = readFileSync(`${REPO_ROOT}examples/antsentry/pledge.yaml`, 'utf8');

describe.each(backends)('the publish gate of POST /v1/policies on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(kind);
  });
  afterAll(() => t.close());

  it("stores the example's accepted lint errors with its version, with their reasons, and reads them back", async () => {
    const { versions } = (await t.app.inject({ url: '/v1/policies' })).json();
    const accepted = versions[0].acceptedLint as Array<{ rule: string; path: string; reason: string }>;
    expect(accepted).toContainEqual(
      expect.objectContaining({
        rule: 'ref.unknown-purpose',
        path: 'recipients[1].purposes[1]',
        reason: expect.stringContaining('seeds/antsentry-privacy-policy.txt'),
      }),
    );
    expect(new Set(accepted.map((a) => a.rule)).size).toBeGreaterThan(5);
  });

  it('refuses a manifest with lint errors no override accepts with a 422 naming each rule and path', async () => {
    const unaccepted = antsentryWith((m) => {
      m.policy.version = '2026-02-01';
      m.lintOverrides = m.lintOverrides.filter((o) => o.rule !== 'ref.unknown-purpose');
    });
    const res = await post(t.app, '/v1/policies', unaccepted);
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('manifest-lint-errors');
    expect(error.message).toContain('ref.unknown-purpose');
    expect(error.issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([
      ['ref.unknown-purpose', 'recipients[1].purposes[1]'],
      ['ref.unknown-purpose', 'trackers[3].purposes[1]'],
      ['ref.unknown-purpose', 'trackers[4].purposes[1]'],
      ['ref.unknown-purpose', 'trackers[5].purposes[3]'],
      ['ref.unknown-purpose', 'trackers[6].purposes[1]'],
    ]);
    expect((await documentChecker(t.app))('post', '/v1/policies', res)).toEqual([]);
    expect(await versionCount(t.store)).toBe(1);
  });

  it('refuses four different manifests under one version label with a 409; the same one again is a 200', async () => {
    // The issue's finding: four different manifests were published under one version label.
    for (const title of ['AntSentry A', 'AntSentry B', 'AntSentry C']) {
      const res = await post(
        t.app,
        '/v1/policies',
        antsentryWith((m) => {
          m.policy.title = title;
        }),
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'version-label-taken',
        issues: [{ path: 'policy.version', code: 'policy.version-label-reused' }],
      });
      expect((await documentChecker(t.app))('post', '/v1/policies', res)).toEqual([]);
    }
    const same = await t.app.inject({
      method: 'POST',
      url: '/v1/policies',
      headers: { 'content-type': 'application/yaml' },
      payload: yaml,
    });
    expect(same.statusCode).toBe(200);
    expect(await versionCount(t.store)).toBe(1);
  });
});

describe('the publish at server start', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start with a manifest whose lint errors are not accepted, naming each rule and path', async () => {
    const { store, cleanup } = await freshStore('pglite');
    const unaccepted = antsentryWith((m) => {
      m.lintOverrides = m.lintOverrides.filter((o) => o.rule !== 'contact.placeholder');
    });
    try {
      await expect(buildServer({ manifest: unaccepted, store, logger: false })).rejects.toThrow(
        /manifest\.lint-errors[\s\S]*controller\.contacts\[0\]\.value: .*\(contact\.placeholder\)/,
      );
      expect(await versionCount(store)).toBe(0);
    } finally {
      await cleanup();
    }
  });

  it('pledge-server exits 1 and says which rule and path block the publish', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledge-publish-'));
    dirs.push(dir);
    const file = join(dir, 'pledge.yaml');
    writeFileSync(file, yaml.replace(/\nlintOverrides:[\s\S]*$/, '\n'));
    const lines: string[] = [];
    const result = await startServer({
      env: { PLEDGE_MANIFEST: file, PLEDGE_DATA_DIR: join(dir, 'data'), PORT: '0' },
      stderr: (text) => lines.push(text),
      logger: false,
      handleSignals: false,
    });
    expect(result).toEqual({ ok: false, exitCode: 1 });
    expect(lines.join('')).toMatch(/recipients\[1\]\.purposes\[1\]: .*\(ref\.unknown-purpose\)/);
  });
});
