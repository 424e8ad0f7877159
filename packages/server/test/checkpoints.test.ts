import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkpointAnchors,
  ensureCheckpointKey,
  FolderSink,
  LEDGER_CHAIN,
  readCheckpoints,
} from '@pledge/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, post, type TestApp, testApp } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'pledge-server-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(backends)('ledger checkpoints through the API on %s', (kind) => {
  let t: TestApp;
  let sink: FolderSink;
  let key: Awaited<ReturnType<typeof ensureCheckpointKey>>['key'];
  beforeAll(async () => {
    ({ key } = await ensureCheckpointKey(join(dir, kind, 'key.pem')));
    sink = new FolderSink(join(dir, kind, 'sink'));
    t = await testApp(kind, { checkpoints: { key, sink, everyMs: 0 } });
  });
  afterAll(() => t.close());

  it('signs the head at start and on demand; POST /v1/ledger/verify compares the chain with checkpoints', async () => {
    const record = await post(t.app, '/v1/consents', {
      subject: 'checkpoint-subject',
      events: [{ type: 'opt-out' }],
    });
    expect(record.statusCode).toBe(201);
    const res = await t.app.inject({ method: 'POST', url: '/v1/ledger/checkpoints' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      broken: [],
      // Every chain is signed: the consent ledger, the published policy versions and the
      // access audit log (the consent write was audited).
      checkpoints: [
        { pledgeCheckpoint: 1, chain: 'ledger', seq: 1, keyId: key.keyId },
        { pledgeCheckpoint: 1, chain: 'policies', seq: 1, keyId: key.keyId },
        { pledgeCheckpoint: 1, chain: 'audit', seq: 1, keyId: key.keyId },
        { pledgeCheckpoint: 1, chain: 'deregistrations', seq: 0, keyId: key.keyId },
      ],
    });
    const { checkpoints, problems } = await readCheckpoints(sink, LEDGER_CHAIN.name, [key]);
    expect(problems).toEqual([]);
    // The one asked for is the latest (the one signed at start may be seq 0 or 1).
    expect(checkpoints.at(-1)?.seq).toBe(1);

    const anchors = checkpointAnchors(checkpoints);
    expect((await post(t.app, '/v1/ledger/verify', { anchors })).json()).toMatchObject({
      ok: true,
      events: 1,
    });
    await sql`DELETE FROM pledge_ledger_events`.execute(t.store.db);
    await sql`UPDATE pledge_ledger_head SET seq = 0, hash = 'genesis'`.execute(t.store.db);
    expect((await t.app.inject({ url: '/v1/ledger/verify' })).json()).toMatchObject({ ok: true, events: 0 });
    expect((await post(t.app, '/v1/ledger/verify', { anchors })).json()).toMatchObject({
      ok: false,
      fault: 'wiped',
      faults: [{ fault: 'wiped', seq: 1 }],
      faultCount: 1,
    });
    // A wiped chain is not signed; the intact policy and audit chains still are.
    const refused = await t.app.inject({ method: 'POST', url: '/v1/ledger/checkpoints' });
    expect(refused.json()).toMatchObject({
      ok: false,
      checkpoints: [{ chain: 'policies' }, { chain: 'audit' }, { chain: 'deregistrations' }],
      broken: [{ chain: 'ledger' }],
    });
  });
});

describe('a server without a checkpoint key', () => {
  it('answers POST /v1/ledger/checkpoints with 409 not-configured', async () => {
    const t = await testApp('pglite');
    try {
      const res = await t.app.inject({ method: 'POST', url: '/v1/ledger/checkpoints' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'not-configured' });
      expect(res.json().error.message).toContain('PLEDGE_CHECKPOINT_KEY_FILE');
    } finally {
      await t.close();
    }
  });
});
