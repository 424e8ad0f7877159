import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, readAuditEntries, type Store, subjectHash, verifyAudit } from '@pledge/store';
import { createScratchDatabase } from '@pledge/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorld, email, WORLD_DATASETS } from '../../dsr/test/sqlite-world.js';
import { backendKinds as backends } from '../../store/test/backends.js';
import { type CliIo, main } from '../src/index.js';

const SUBJECT_KEY = 'dsr-audit-test-subject-key-0123456';
const root = join(import.meta.dirname, '../../..');
const world = createWorld();
const dir = mkdtempSync(join(tmpdir(), 'pledge-dsr-audit-'));
// The antsentry manifest with the small SQLite + files datasets of the engine tests.
const antsentry = readFileSync(join(root, 'examples/antsentry/pledge.yaml'), 'utf8');
writeFileSync(
  join(dir, 'pledge.yaml'),
  antsentry.replace(/^datasets:[\s\S]*?(?=^[a-z]+:)/m, `datasets:\n${WORLD_DATASETS.replace(/^\n/, '')}`),
);

async function pledge(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readText: async (p) => readFileSync(join(dir, p), 'utf8'),
    writeText: async () => {},
    cwd: dir,
  };
  const code = await main(['node', 'pledge', ...args], io);
  return { code, out: out.join(''), err: err.join('') };
}

process.env.APP_DB = world.dbFile;
process.env.DOCS_DIR = world.docsDir;
process.env.PLEDGE_SUBJECT_KEY = SUBJECT_KEY;
afterAll(() => {
  world.cleanup();
  rmSync(dir, { recursive: true, force: true });
  delete process.env.PLEDGE_SUBJECT_KEY;
});

describe.each(backends)('pledge dsr records its runs in the audit log on %s', (kind) => {
  it('P0-31: an access package built by `pledge dsr access` is one request-package entry, by pseudonym, and the log verifies', {
    timeout: 120_000,
  }, async () => {
    const scratch = kind === 'postgres' ? await createScratchDatabase('pledge_cli_dsr_audit') : undefined;
    const where = scratch ? ['--database-url', scratch.url] : ['--data-dir', join(dir, 'data')];
    const open = (): Promise<Store> =>
      openStore(scratch ? { url: scratch.url } : { dataDir: join(dir, 'data') });
    try {
      const identifier = email(2);
      const access = await pledge(
        'dsr',
        'access',
        'pledge.yaml',
        '--identity',
        `email=${identifier}`,
        ...where,
      );
      expect([access.code, access.err]).toEqual([0, expect.any(String)]);
      expect(access.out).toContain('(access): completed');
      const id = /request (\S+) /.exec(access.out)?.[1] ?? '';
      // An erasure that wrote nothing (the preflight refused it: no erasure secret) records nothing.
      const refused = await pledge(
        'dsr',
        'erase',
        'pledge.yaml',
        '--identity',
        `email=${email(3)}`,
        '--yes',
        ...where,
      );
      expect(refused.out).toContain('nothing was written');
      // An erasure that wrote records one api-write entry; the person is forgotten in the
      // ledger, so the entry names no pseudonym (a new one would link them again).
      process.env.PLEDGE_ERASURE_SECRET = 'dsr-audit-test-secret';
      const erased = email(kind === 'postgres' ? 3 : 1);
      const erase = await pledge(
        'dsr',
        'erase',
        'pledge.yaml',
        '--identity',
        `email=${erased}`,
        '--yes',
        ...where,
      );
      delete process.env.PLEDGE_ERASURE_SECRET;
      expect(erase.out).toContain('(erase): completed');
      const eraseId = /request (\S+) /.exec(erase.out)?.[1] ?? '';
      const store = await open();
      try {
        const entries = (await readAuditEntries(store.db, { limit: 1000 })).entries;
        const packages = entries.filter((e) => e.action === 'request-package');
        expect(packages).toHaveLength(1);
        const entry = packages[0];
        expect(entry?.requestId).toBe(id);
        expect(entry?.actor).toEqual({ kind: 'system', id: 'cli' });
        expect(entry?.categories).toEqual(expect.arrayContaining(['account-id', 'email']));
        // The subject is the ledger pseudonym of the identifier, never the identifier or its hash.
        const mapped = await store.db
          .selectFrom('pledge_subject_map')
          .select('pseudonym')
          .where('subject_hash', '=', subjectHash(SUBJECT_KEY, identifier))
          .executeTakeFirst();
        expect(entry?.subject).toBe(mapped?.pseudonym);
        const text = JSON.stringify(entries);
        expect(text).not.toContain(identifier);
        expect(text).not.toContain(email(3));
        expect(text).not.toContain(subjectHash(SUBJECT_KEY, identifier));
        expect(text).not.toContain(erased);
        const writes = entries.filter((e) => e.requestId !== null && e.requestId !== id);
        expect(writes).toEqual([
          expect.objectContaining({ action: 'api-write', requestId: eraseId, subject: null }),
        ]);
        expect(writes[0]?.categories).toEqual(expect.arrayContaining(['email']));
        expect((await verifyAudit(store.db)).ok).toBe(true);
      } finally {
        await store.close();
      }
    } finally {
      await scratch?.drop();
    }
  });
});
