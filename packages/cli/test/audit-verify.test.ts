import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '@pledge/engine';
import { AUDIT_CHAIN, openStore } from '@pledge/store';
import { createScratchDatabase } from '@pledge/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { backendKinds as backends } from '../../store/test/backends.js';
import { rewriteConsistently } from '../../store/test/tamper-helpers.js';
import { antsentryManifest, runInProcess, tempDir, withStore } from './support/harness.js';

const SUBJECT_KEY = 'audit-verify-test-subject-key-0123';
const antsentry = antsentryManifest();

const root = tempDir('pledge-cli-audit-');
let n = 0;

const pledge = (...args: string[]) => runInProcess(args);

describe.each(backends)('pledge audit verify on %s', (kind) => {
  it('P1-54: audit tamper detected: an edit fails plain verify; a rewrite and a wipe fail with --checkpoints', {
    timeout: 120_000,
  }, async () => {
    const scratch = kind === 'postgres' ? await createScratchDatabase('pledge_cli_audit') : undefined;
    const base = join(root, `case-${n++}`);
    mkdirSync(base);
    const open = () => openStore(scratch ? { url: scratch.url } : { dataDir: join(base, 'data') });
    const where = scratch ? ['--database-url', scratch.url] : ['--data-dir', join(base, 'data')];
    const checkpoints = [
      '--checkpoints',
      join(base, 'checkpoints'),
      '--checkpoint-key',
      join(base, 'keys', 'checkpoint.pem'),
    ];
    const verify = (...more: string[]) => pledge('audit', 'verify', ...where, ...more);
    try {
      await withStore(open, async (store) => {
        const engine = await createEngine({ store, manifest: antsentry, subjectKey: SUBJECT_KEY });
        const recorded = await engine.recordAccess(
          ['a', 'b', 'c', 'd'].map((subject) => ({
            action: 'subject-lookup' as const,
            actor: { kind: 'user' as const, id: 'officer-1' },
            subject,
            reason: 'complaint received by post',
          })),
        );
        expect(recorded).toMatchObject({ ok: true });
      });
      // `pledge ledger checkpoint` signs every chain, the audit log included.
      const signed = await pledge('ledger', 'checkpoint', ...where, ...checkpoints);
      expect(signed.code).toBe(0);
      expect(signed.stdout).toMatch(/audit: signed seq 4, head [0-9a-f]{64}/);
      expect(readdirSync(join(base, 'checkpoints', 'audit'))).toHaveLength(1);

      const clean = await verify(...checkpoints);
      expect(clean.code).toBe(0);
      expect(clean.stdout).toMatch(/^audit log ok: 4 entries verified .*\ncheckpoints: 1 signed by ed25519:/);

      await withStore(open, async (store) => {
        await sql`UPDATE pledge_audit_entries SET reason = 'routine check' WHERE seq = 2`.execute(store.db);
      });
      const edited = await verify('--format', 'json');
      expect(edited.code).toBe(1);
      expect(JSON.parse(edited.stdout)).toMatchObject({ ok: false, faults: [{ fault: 'edited', seq: 2 }] });

      await withStore(open, (store) =>
        rewriteConsistently(store.db, AUDIT_CHAIN, 2, (values) => {
          values.reason = 'routine check';
        }),
      );
      expect((await verify()).code).toBe(0);
      const rewritten = await verify(...checkpoints);
      expect(rewritten.code).toBe(1);
      expect(rewritten.stdout).toContain('audit log BROKEN');
      expect(rewritten.stdout).toContain('rewritten');

      await withStore(open, async (store) => {
        await sql`DROP TABLE pledge_audit_entries`.execute(store.db);
      });
      expect((await verify()).code).toBe(2);
      const wiped = await verify(...checkpoints);
      expect(wiped.code).toBe(1);
      expect(wiped.stdout).toContain('wiped');
    } finally {
      await scratch?.drop();
    }
  });
});
