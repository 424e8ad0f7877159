import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import {
  appendEvents,
  type LedgerEventInput,
  openStore,
  pseudonymOf,
  relinkSubject,
  resolveSubjectKey,
  subjectHash,
  wasDeregistered,
} from '@pledge/store';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorld, email, WORLD_DATASETS } from '../../dsr/test/sqlite-world.js';
import { registerDsr } from '../src/commands/dsr-all.js';
import { registerSubjects } from '../src/commands/subjects.js';
import type { CliIo } from '../src/io.js';

const root = join(import.meta.dirname, '../../..');
const world = createWorld();
const dir = mkdtempSync(join(tmpdir(), 'pledge-dereg-cli-'));
const dataDir = join(dir, 'data');
const manifestFile = join(dir, 'pledge.yaml');
const antsentry = readFileSync(join(root, 'examples/antsentry/pledge.yaml'), 'utf8');
const indented = WORLD_DATASETS.replace(/^\n/, '');
writeFileSync(manifestFile, antsentry.replace(/^datasets:[\s\S]*?(?=^[a-z]+:)/m, `datasets:\n${indented}`));

/** Runs `pledge ...args` in process; `answer` is what the person at the terminal says, none: no terminal. */
async function pledge(
  args: string[],
  answer?: boolean,
): Promise<{ code: number; out: string; err: string; asked: string[] }> {
  let out = '';
  let err = '';
  let code = 0;
  const asked: string[] = [];
  const io: CliIo = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readText: async (p) => readFileSync(isAbsolute(p) ? p : join(dir, p), 'utf8'),
    writeText: async () => {},
    cwd: dir,
    ...(answer === undefined
      ? {}
      : {
          confirm: async (question: string) => {
            asked.push(question);
            return answer;
          },
        }),
  };
  const program = new Command('pledge').exitOverride();
  registerDsr(program, io, (c) => {
    code = c;
  });
  registerSubjects(program, io, (c) => {
    code = c;
  });
  await program.parseAsync(['node', 'pledge', ...args]);
  return { code, out, err, asked };
}

const userIds = () => (world.dump().users ?? []).map((u) => (u as { id: number }).id);

function consent(subject: string): LedgerEventInput {
  return {
    type: 'consent-given',
    subject,
    purposes: ['marketing-emails'],
    method: 'banner',
    source: 'web',
    policyVersion: '1',
    policyHash: 'sha256:policy',
    actor: 'subject',
  };
}

describe('commands that change data for good ask first; requests are kept', () => {
  process.env.APP_DB = world.dbFile;
  process.env.DOCS_DIR = world.docsDir;
  process.env.PLEDGE_ERASURE_SECRET = 'dereg-cli-secret';
  // The data directory as the environment names it; with no setting, the default one is used.
  process.env.PLEDGE_DATA_DIR = dataDir;
  afterAll(() => {
    delete process.env.PLEDGE_ERASURE_SECRET;
    delete process.env.PLEDGE_DATA_DIR;
    world.cleanup();
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dataDir}.subject-key`, { force: true });
  });

  it('pledge dsr erase: refused without --yes when no terminal can answer; a "no" cancels; both write nothing', async () => {
    const before = readFileSync(world.dbFile);
    const noTerminal = await pledge(['dsr', 'erase', 'pledge.yaml', '--identity', `email=${email(2)}`]);
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.err).toContain('pledge dsr erase cannot be undone: pass --yes to confirm');
    const no = await pledge(['dsr', 'erase', 'pledge.yaml', '--identity', `email=${email(2)}`], false);
    expect(no.code).toBe(1);
    expect(no.asked).toEqual([expect.stringContaining('Erase the data of the subject identified by email')]);
    expect(no.asked[0]).not.toContain(email(2));
    expect(no.err).toContain('cancelled; nothing was changed');
    expect(readFileSync(world.dbFile).equals(before)).toBe(true);
    expect(userIds()).toContain(2);
  });

  it('pledge dsr erase runs after a "yes" (or --yes), and pledge dsr status finds the request afterwards', async () => {
    const yes = await pledge(['dsr', 'erase', 'pledge.yaml', '--identity', `email=${email(2)}`], true);
    expect(yes.code).toBe(0);
    expect(yes.out).toContain('(erase): completed');
    expect(userIds()).not.toContain(2);
    const id = /request (\S+) /.exec(yes.out)?.[1] ?? '';
    // A later process, with no store flag, reads the request back from the data directory.
    const status = await pledge(['dsr', 'status', id]);
    expect(status.code).toBe(0);
    expect(status.out).toContain(`request ${id} (erase): completed`);
  });

  it('P1-41: deregistering cannot be undone: asked first, the data is deleted but what the law keeps, consent history unlinked, a restore attempt fails', async () => {
    const key = await (async () => {
      const store = await openStore({ dataDir });
      try {
        const k = await resolveSubjectKey(store);
        await appendEvents(store.db, k, [consent('3'), consent(email(3))]);
        return k;
      } finally {
        await store.close();
      }
    })();
    const loginsBefore = (world.dump().logins ?? []).filter((l) => (l as { ip: string | null }).ip !== null);
    const args = ['subjects', 'deregister', `email=${email(3)}`, '--manifest', 'pledge.yaml'];
    const refused = await pledge(args);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('pledge subjects deregister cannot be undone: pass --yes');
    expect(userIds()).toContain(3);

    const done = await pledge([...args, '--yes']);
    expect(done.err).not.toContain(email(3));
    expect(done.code).toBe(0);
    expect(done.out).toContain('(erase): completed');
    expect(done.out).toContain('deregistered: 2 tombstone(s) written; the account cannot be restored');
    expect(done.out).toContain('kept under legal hold login-records');
    expect(userIds()).not.toContain(3);
    expect((world.dump().orders ?? []).some((o) => (o as { user_id: number }).user_id === 3)).toBe(false);
    // The addresses the law keeps (login-records) are still there.
    const loginsAfter = (world.dump().logins ?? []).filter((l) => (l as { ip: string | null }).ip !== null);
    expect(loginsAfter.length).toBe(loginsBefore.length);

    const store = await openStore({ dataDir });
    try {
      expect(await pseudonymOf(store.db, subjectHash(key, '3'))).toBeUndefined();
      expect(await wasDeregistered(store.db, key, '3')).toBe(true);
      expect(await wasDeregistered(store.db, key, email(3))).toBe(true);
      const old = await store.db
        .selectFrom('pledge_ledger_events')
        .select('subject_hash')
        .orderBy('seq')
        .executeTakeFirstOrThrow();
      const restore = await relinkSubject(store.db, key, '3', old.subject_hash);
      expect(restore).toMatchObject({ ok: false, issues: [{ code: 'deregistration.restore-refused' }] });
    } finally {
      await store.close();
    }
    // Asked again, there is no account left to close.
    const again = await pledge([...args, '--yes']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('(deregistration.no-account)');
  });
});
