import { type ApiScope, createApiKey } from '@pledge/auth';
import { readAuditEntries, subjectHash } from '@pledge/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, post, TEST_SUBJECT_KEY, type TestApp, testApp } from './helpers.js';

const SUBJECT = 'audit-person@example.com';

/** Every text stored in the audit table, to search for personal values. */
async function auditText(t: TestApp): Promise<string> {
  const { rows } = await sql`SELECT * FROM pledge_audit_entries`.execute(t.store.db);
  return JSON.stringify(rows);
}

describe.each(backends)('the access audit through the API on %s', (kind) => {
  let t: TestApp;
  const keys = new Map<ApiScope, { secret: string; id: string }>();
  const auth = (scope: ApiScope) => ({ authorization: `Bearer ${keys.get(scope)?.secret}` });
  beforeAll(async () => {
    t = await testApp(kind);
    for (const scope of ['consent:write', 'ledger:read', 'audit:write', 'sdk:config'] as const) {
      const made = await createApiKey(t.store, { name: `only ${scope}`, scopes: [scope] });
      if (!made.ok) throw new Error(made.issue.message);
      keys.set(scope, { secret: made.created.secret, id: made.created.key.id });
    }
  });
  afterAll(() => t.close());

  it('P0-31: every read and write of personal data through the API is logged, as the key, by pseudonym', async () => {
    const write = await post(
      t.app,
      '/v1/consents',
      {
        subject: SUBJECT,
        events: [{ type: 'consent-given', purposes: ['marketing-emails'], consentMode: 'opt-in' }],
      },
      auth('consent:write'),
    );
    expect(write.statusCode).toBe(201);
    const read = await post(t.app, '/v1/consents/query', { subject: SUBJECT }, auth('ledger:read'));
    expect(read.statusCode).toBe(200);
    const events = read.json().events as Array<{ pseudonym?: string }>;
    const { entries } = await readAuditEntries(t.store.db);
    expect(entries.map((e) => [e.action, e.actor.kind, e.actor.id, e.purpose])).toEqual([
      ['consent-write', 'key', keys.get('consent:write')?.id, 'marketing-emails'],
      ['ledger-read', 'key', keys.get('ledger:read')?.id, null],
    ]);
    // Both name the subject by the same pseudonym (the one its events carry), never the identifier.
    const pseudonym = entries[0]?.subject;
    expect(pseudonym).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(entries[1]?.subject).toBe(pseudonym);
    if (events[0]?.pseudonym) expect(events[0].pseudonym).toBe(pseudonym);
    expect(entries.every((e) => e.requestId !== null)).toBe(true);
    const stored = await auditText(t);
    expect(stored).not.toContain(SUBJECT);
    expect(stored).not.toContain('audit-person');
  });

  it('P0-31: a read of a subject never recorded is logged too (under a pseudonym made for it)', async () => {
    const read = await post(
      t.app,
      '/v1/consents/query',
      { subject: 'never-seen-person' },
      auth('sdk:config'),
    );
    expect(read.statusCode).toBe(200);
    const { entries } = await readAuditEntries(t.store.db, { actor: keys.get('sdk:config')?.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'ledger-read', actor: { kind: 'key' } });
    expect(entries[0]?.subject).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(await auditText(t)).not.toContain('never-seen-person');
  });

  it('P0-31: each page of the change feed is logged per subject in it, with the count of its events', async () => {
    const other = 'audit-feed-person@example.com';
    for (const subject of [other, other]) {
      const res = await post(
        t.app,
        '/v1/consents',
        {
          subject,
          events: [{ type: 'consent-given', purposes: ['marketing-emails'], consentMode: 'opt-in' }],
        },
        auth('consent:write'),
      );
      expect(res.statusCode).toBe(201);
    }
    const feed = await t.app.inject({
      url: '/v1/ledger/changes?after=0&limit=100',
      headers: auth('ledger:read'),
    });
    expect(feed.statusCode).toBe(200);
    const events = feed.json().events as Array<{ pseudonym: string }>;
    const expected = new Map<string, number>();
    for (const e of events) expected.set(e.pseudonym, (expected.get(e.pseudonym) ?? 0) + 1);
    const { entries } = await readAuditEntries(t.store.db, { actor: keys.get('ledger:read')?.id });
    // The feed's entries are the last appended, all under the feed request's id.
    const feedRequest = entries.at(-1)?.requestId;
    const fromFeed = entries.filter((e) => e.requestId === feedRequest);
    expect(new Map(fromFeed.map((e) => [e.subject, e.count]))).toEqual(expected);
    expect(fromFeed.every((e) => e.action === 'ledger-read')).toBe(true);
    expect(await auditText(t)).not.toContain(other);
  });

  it("POST /v1/audit/accesses records the SDK's counted accesses as sdk-access entries of the key", async () => {
    const key =
      kind === 'postgres'
        ? TEST_SUBJECT_KEY
        : ((
            await t.app.inject({
              url: '/v1/sdk/config',
              headers: auth('sdk:config'),
            })
          ).json().subjectKey as string);
    const hash = subjectHash(key, SUBJECT);
    const res = await post(
      t.app,
      '/v1/audit/accesses',
      {
        accesses: [
          {
            subjectHash: hash,
            purpose: 'marketing-emails',
            count: 42,
            windowStart: '2026-12-05T01:02:00.000Z',
          },
          { purpose: 'analytics', count: 1, windowStart: '2026-12-05T01:03:00Z' },
        ],
      },
      auth('audit:write'),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ recorded: 2 });
    const { entries } = await readAuditEntries(t.store.db, { action: 'sdk-access' });
    const [first] = (await readAuditEntries(t.store.db, { action: 'consent-write' })).entries;
    expect(
      entries.map((e) => [e.actor.id, e.subject, e.purpose, e.count, e.windowStart?.toISOString()]),
    ).toEqual([
      [keys.get('audit:write')?.id, first?.subject, 'marketing-emails', 42, '2026-12-05T01:02:00.000Z'],
      [keys.get('audit:write')?.id, null, 'analytics', 1, '2026-12-05T01:03:00.000Z'],
    ]);
    expect(await auditText(t)).not.toContain(hash);
  });

  it('POST /v1/audit/accesses refuses bad input with a 400 naming the field and the rule', async () => {
    const cases: Array<[unknown, string]> = [
      [{ accesses: [{ count: 1, windowStart: '2026-12-05T01:02:03Z' }] }, 'accesses[0].windowStart'],
      [
        { accesses: [{ subjectHash: SUBJECT, count: 1, windowStart: '2026-12-05T01:02:00Z' }] },
        'accesses[0].subjectHash',
      ],
      [{ accesses: [{ count: 0, windowStart: '2026-12-05T01:02:00Z' }] }, 'accesses[0].count'],
      [{ accesses: [] }, 'accesses'],
    ];
    for (const [body, path] of cases) {
      const res = await post(t.app, '/v1/audit/accesses', body, auth('audit:write'));
      expect(res.statusCode, path).toBe(400);
      expect(JSON.stringify(res.json().error.issues ?? res.json().issues)).toContain(path);
      expect(res.body).not.toContain(SUBJECT);
    }
    const refused = await post(
      t.app,
      '/v1/audit/accesses',
      { accesses: [{ count: 1, windowStart: '2026-12-05T01:02:00Z' }] },
      auth('ledger:read'),
    );
    expect(refused.statusCode).toBe(403);
  });
});
