import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AUDIT_CHAIN,
  AUDIT_COLUMNS,
  type AuditEntryInput,
  appendAuditEntries,
  readAuditEntries,
  type Store,
  streamAuditEntries,
  verifyAudit,
} from '../src/index.js';
import { backendKinds, freshStore } from './backends.js';

const PSEUDONYM = 'Qm9ndXNQc2V1ZG9ueW0xMjM';
const AT = new Date('2026-05-06T07:08:09.123Z');

function lookup(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    action: 'subject-lookup',
    actor: { kind: 'user', id: 'user-1' },
    subject: PSEUDONYM,
    categories: ['contact', 'account'],
    reason: 'Ticket 42 asks to check consent',
    ...overrides,
  };
}

describe.each(backendKinds)('audit log on %s', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await freshStore(kind));
  });
  afterEach(async () => cleanup());

  it('hashes every stored column of an entry: the canonical encoding names each one', async () => {
    const { rows } = await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
      WHERE table_name = ${AUDIT_CHAIN.table}`.execute(store.db);
    const own = ['seq', 'format', 'recorded_at', 'prev_hash', 'hash'];
    expect(rows.map((r) => r.name).sort()).toEqual([...own, ...AUDIT_COLUMNS.map((c) => c.name)].sort());
  });

  it('appends a batch in one chain step and reads it back as written', async () => {
    const result = await appendAuditEntries(
      store.db,
      [
        lookup(),
        {
          action: 'sdk-access',
          actor: { kind: 'sdk', id: 'key-7' },
          subject: PSEUDONYM,
          purpose: 'analytics',
          count: 12,
          windowStart: new Date('2026-05-06T07:08:00.000Z'),
        },
      ],
      { now: () => AT },
    );
    expect(result).toMatchObject({ ok: true, appended: [{ seq: 1 }, { seq: 2 }] });
    const page = await readAuditEntries(store.db);
    expect(page.next).toBeUndefined();
    expect(page.entries).toMatchObject([
      {
        seq: 1,
        action: 'subject-lookup',
        actor: { kind: 'user', id: 'user-1' },
        subject: PSEUDONYM,
        categories: ['account', 'contact'],
        reason: 'Ticket 42 asks to check consent',
        count: 1,
        windowStart: null,
        recordedAt: AT,
      },
      {
        seq: 2,
        action: 'sdk-access',
        actor: { kind: 'sdk', id: 'key-7' },
        purpose: 'analytics',
        reason: null,
        count: 12,
        windowStart: new Date('2026-05-06T07:08:00.000Z'),
      },
    ]);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, records: 2, headSeq: 2 });
  });

  it('refuses a bad batch whole, naming each field and rule, and stores nothing', async () => {
    const result = await appendAuditEntries(store.db, [
      lookup(),
      lookup({ reason: '  ' }),
      lookup({ subject: 'alice@example.com', reason: 'mail alice@example.com' }),
      {
        action: 'nope' as 'export',
        actor: { kind: 'robot' as 'user', id: '' },
        categories: ['ok', 'Bad Slug'],
        count: 0,
        windowStart: new Date('2026-05-06T07:08:09.000Z'),
        requestId: 'has space',
      },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['audit.reason-required', 'entries[1].reason'],
      ['audit.bad-subject', 'entries[2].subject'],
      ['audit.bad-reason', 'entries[2].reason'],
      ['audit.unknown-action', 'entries[3].action'],
      ['audit.unknown-actor-kind', 'entries[3].actor.kind'],
      ['audit.bad-actor-id', 'entries[3].actor.id'],
      ['audit.bad-slug', 'entries[3].categories[1]'],
      ['audit.bad-request-id', 'entries[3].requestId'],
      ['audit.bad-count', 'entries[3].count'],
      ['audit.bad-window', 'entries[3].windowStart'],
    ]);
    // No personal value is echoed back in a message.
    expect(JSON.stringify(result.issues)).not.toContain('alice');
    expect((await readAuditEntries(store.db)).entries).toEqual([]);
  });

  it('filters by time, actor, action and subject, and pages by sequence number', async () => {
    const early = new Date('2026-01-01T00:00:00.000Z');
    const late = new Date('2026-02-01T00:00:00.000Z');
    await appendAuditEntries(store.db, [lookup(), lookup({ actor: { kind: 'user', id: 'user-2' } })], {
      now: () => early,
    });
    await appendAuditEntries(
      store.db,
      [
        { action: 'api-read', actor: { kind: 'key', id: 'key-1' }, subject: PSEUDONYM },
        { action: 'api-write', actor: { kind: 'key', id: 'key-1' }, subject: 'T3RoZXJQc2V1ZG9ueW0xMjM' },
        { action: 'export', actor: { kind: 'key', id: 'key-1' } },
      ],
      { now: () => late },
    );
    const seqs = async (q: Parameters<typeof readAuditEntries>[1]) =>
      (await readAuditEntries(store.db, q)).entries.map((e) => e.seq);
    expect(await seqs({ from: late })).toEqual([3, 4, 5]);
    expect(await seqs({ to: late })).toEqual([1, 2]);
    expect(await seqs({ actor: 'user-2' })).toEqual([2]);
    expect(await seqs({ actorKind: 'key', action: ['api-read', 'export'] })).toEqual([3, 5]);
    expect(await seqs({ subject: PSEUDONYM })).toEqual([1, 2, 3]);
    const first = await readAuditEntries(store.db, { limit: 2 });
    expect(first.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(first.next).toBe(2);
    const second = await readAuditEntries(store.db, { limit: 2, after: first.next as number });
    expect(second.entries.map((e) => e.seq)).toEqual([3, 4]);
    const all: number[] = [];
    for await (const e of streamAuditEntries(store.db, { limit: 2 })) all.push(e.seq);
    expect(all).toEqual([1, 2, 3, 4, 5]);
  });
});
