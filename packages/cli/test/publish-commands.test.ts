import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManifestInput } from '@pledge/core';
import { createEngine } from '@pledge/engine';
import { openStore } from '@pledge/store';
import { createScratchDatabase } from '@pledge/testing';
import { baseInput, toManifest } from '@pledge/testing/manifests';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { backendKinds as backends } from '../../store/test/backends.js';
import { runPledge } from './run-pledge.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-cli-publish-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function manifestFile(change?: (m: ManifestInput) => void): string {
  const input = baseInput();
  change?.(input);
  const file = join(tempDir(), 'pledge.yaml');
  writeFileSync(file, stringify(input));
  return file;
}

describe('pledge diff reports every change', () => {
  const before = manifestFile();
  const details = manifestFile((m) => {
    m.retention!.rules![1]!.duration = { amount: 5, unit: 'years' };
    m.controller.contacts[1]!.value = 'https://example.test/help';
  });

  it('lists the material changes, and says how many others --all lists', async () => {
    const run = await runPledge(['diff', before, details, '--exit-code']);
    expect(run).toMatchObject({
      code: 0,
      stdout: 'No material changes; 2 other changes, not material: --all lists them.\n',
    });
    const renamed = manifestFile((m) => {
      m.controller.name = 'Other Shop AG';
      m.retention!.rules![1]!.duration = { amount: 5, unit: 'years' };
    });
    const material = await runPledge(['diff', before, renamed, '--exit-code']);
    expect(material.code).toBe(1);
    expect(material.stdout).toContain(
      "controller.name: the controller's name changed (controller-changed)\n    material",
    );
    expect(material.stdout).toMatch(
      /1 change: 1 material, 0 needing fresh consent\.\n1 other change, not material/,
    );
  });

  it('--all lists retention periods and controller details, each flagged not material', async () => {
    const run = await runPledge(['diff', before, details, '--all']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'retention.rules[1].duration: 10 years -> 5 years (field-changed)\n    not material',
    );
    expect(run.stdout).toContain(
      'controller.contacts[1].value: "https://example.test/support" -> "https://example.test/help"',
    );
    const json = await runPledge(['diff', before, details, '--all', '--format', 'json']);
    expect(
      (JSON.parse(json.stdout) as Array<{ path: string; material: boolean }>).map((c) => [
        c.path,
        c.material,
      ]),
    ).toEqual([
      ['controller.contacts[1].value', false],
      ['retention.rules[1].duration', false],
    ]);
  });
});

describe.each(backends)('pledge policies verify on %s', (kind) => {
  it('prints ok, then names every edited or deleted version and exits 1', { timeout: 90_000 }, async () => {
    const scratch = kind === 'postgres' ? await createScratchDatabase('pledge_cli_publish') : undefined;
    const dir = tempDir();
    const open = () => openStore(scratch ? { url: scratch.url } : { dataDir: dir });
    const where = scratch ? ['--database-url', scratch.url] : ['--data-dir', dir];
    try {
      const store = await open();
      const accepting = (version: string) => {
        const input = baseInput();
        input.policy.version = version;
        input.lintOverrides = ['marketing.without-opt-out', 'rights.missing-deadline'].map((rule) => ({
          rule,
          reason: 'the small test manifest keeps these faults',
        }));
        return input;
      };
      const engine = await createEngine({
        store,
        manifest: toManifest(accepting('1.0.0')),
        subjectKey: 'publish-commands-test-subject-key',
      });
      for (const version of ['2.0', '3.0']) {
        const input = accepting(version);
        expect(await engine.publishPolicy(toManifest(input))).toMatchObject({ ok: true, created: true });
      }
      await store.close();
      const ok = await runPledge(['policies', 'verify', ...where]);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^policy chain ok: 3 policy versions verified in /);

      const tampered = await open();
      await sql`UPDATE pledge_policy_versions SET manifest = replace(manifest, 'Example Shop', 'Other Shop') WHERE seq = 1`.execute(
        tampered.db,
      );
      await sql`DELETE FROM pledge_policy_versions WHERE seq = 2`.execute(tampered.db);
      await tampered.close();
      const broken = await runPledge(['policies', 'verify', ...where]);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('policy chain BROKEN in ');
      expect(broken.stdout).toContain(
        'seq 1 (version 1.0.0): edited: policy version 1 was changed after it was recorded',
      );
      expect(broken.stdout).toContain('seq 3 (version 3.0): deleted-before:');
      expect(broken.stdout).toContain('2 fault(s); 0 of 2 policy versions verified before the first');
    } finally {
      await scratch?.drop();
    }
  });
});
