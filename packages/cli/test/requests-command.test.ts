import { readFileSync } from 'node:fs';
import { migrateRequests, receiveRequest, transitionRequest } from '@pledge/requests';
import { migrateToLatest, openStore, readAuditEntries } from '@pledge/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from './support/harness.js';

const dir = tempDir('pledge-cli-requests-');
const EMAIL = 'cli-requester@example.test';
const pledge = (...args: string[]) =>
  runInProcess([...args, '--data-dir', dir], { readText: async (file) => readFileSync(file, 'utf8') });

describe('pledge requests on the embedded store', () => {
  let id = '';
  let other = '';
  beforeAll(async () => {
    const store = await openStore({ dataDir: dir });
    await migrateToLatest(store.db);
    await migrateRequests(store.db);
    const actor = { kind: 'user', id: 'officer' } as const;
    const a = await receiveRequest(
      store.db,
      {
        right: 'access',
        channel: 'officer-call',
        contact: { kind: 'email', address: EMAIL },
        jurisdiction: 'eu-gdpr',
      },
      { actor },
    );
    const b = await receiveRequest(
      store.db,
      {
        right: 'erasure',
        channel: 'cli',
        contact: { kind: 'email', address: 'b@example.test' },
        jurisdiction: 'us-ca-ccpa',
      },
      { actor },
    );
    if (!a.ok || !b.ok) throw new Error('not received');
    id = a.request.id;
    other = b.request.id;
    await transitionRequest(store.db, id, { action: 'verify', method: 'officer' }, { actor });
    await store.close();
  });

  it('lists requests by due date without contact addresses', async () => {
    const run = await pledge('requests', 'list');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(EMAIL);
    const lines = run.stdout.trim().split('\n');
    // GDPR (one month) falls due before CCPA (45 days).
    expect(lines[0]).toContain(id);
    expect(lines[1]).toContain(other);
  });

  it('P2-22: extends with a reason and refuses an extension without one; shows the history', async () => {
    const noReason = await pledge('requests', 'extend', id);
    expect(noReason.code).toBe(2);
    const bad = await pledge('requests', 'extend', id, '--reason', 'whim');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('reasons[0]');
    const ok = await pledge('requests', 'extend', id, '--reason', 'complexity', '--format', 'json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      state: 'extended',
      extension: { reasons: ['complexity'] },
    });
    const shown = await pledge('requests', 'show', id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(EMAIL);
    expect(shown.stdout).toMatch(/extend +verified -> extended/);
  });

  it('P1-46: denies with a ground and the complaint route; a closed request cannot be denied again', async () => {
    const denied = await pledge(
      'requests',
      'deny',
      other,
      '--ground',
      'unreasonably-repeated',
      '--complaint-route',
      'California Privacy Protection Agency',
    );
    expect(denied.code).toBe(0);
    expect(denied.stdout).toContain('denied');
    const again = await pledge(
      'requests',
      'deny',
      other,
      '--ground',
      'impractical',
      '--complaint-route',
      'CPPA',
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('request.transition-not-allowed');
    const missing = await pledge('requests', 'show', '00000000-0000-4000-8000-000000000000');
    expect(missing.code).toBe(1);
  });

  it('records each read and change of a request in the access audit log, without the address', async () => {
    const store = await openStore({ dataDir: dir });
    try {
      const page = await readAuditEntries(store.db, { actor: 'cli' });
      expect(page.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['api-read', 'api-write']));
      expect(JSON.stringify(page.entries)).not.toContain(EMAIL);
    } finally {
      await store.close();
    }
  });
});
