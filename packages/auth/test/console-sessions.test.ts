import { migrateToLatest, openStore, type Store } from '@pledge/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createConsoleUser,
  disableConsoleUser,
  endConsoleSession,
  findConsoleSession,
  openConsoleSession,
  setConsoleRole,
  tokenDigest,
} from '../src/index.js';

const MIN = 60_000;

describe('console sessions', () => {
  let store: Store;
  let seq = 0;
  beforeAll(async () => {
    store = await openStore();
    await migrateToLatest(store.db);
  });
  afterAll(() => store.close());

  async function user(role = 'auditor') {
    const made = await createConsoleUser(store, {
      email: `s${++seq}@sessions.test`,
      name: 'S',
      role,
      actor: 'test',
      password: null,
      confidentialityAcknowledged: true,
    });
    if (!made.ok) throw new Error(made.issue.code);
    return made.user;
  }

  it('stores only the SHA-256 digest of the token and finds the session by the token', async () => {
    const u = await user();
    const opened = await openConsoleSession(store, u.id, { method: 'password', mfa: false });
    expect(opened.token).toMatch(/^pledge_cs_[\w-]{43}$/);
    const rows = await sql<{ digest: string }>`SELECT digest FROM pledge_console_sessions`.execute(store.db);
    expect(rows.rows.map((r) => r.digest)).toContain(tokenDigest(opened.token));
    expect(JSON.stringify(rows.rows)).not.toContain(opened.token);
    expect(await findConsoleSession(store, opened.token)).toMatchObject({
      user: { id: u.id, role: 'auditor' },
      csrfToken: opened.csrfToken,
      method: 'password',
      mfa: false,
    });
    expect(await findConsoleSession(store, `${opened.token}x`)).toBeUndefined();
  });

  it('ends after 30 idle minutes, while requests keep it alive up to 12 hours', async () => {
    const u = await user();
    const t0 = new Date('2026-03-01T08:00:00Z');
    const at = (m: number) => ({ now: new Date(t0.getTime() + m * MIN) });
    const idle = await openConsoleSession(store, u.id, { method: 'password', mfa: false }, at(0));
    expect(await findConsoleSession(store, idle.token, at(29))).toBeDefined();
    expect(await findConsoleSession(store, idle.token, at(58))).toBeDefined();
    expect(await findConsoleSession(store, idle.token, at(58 + 30))).toBeUndefined();
    expect(await findConsoleSession(store, idle.token, at(58 + 1))).toBeUndefined(); // deleted, not just hidden

    const busy = await openConsoleSession(store, u.id, { method: 'password', mfa: false }, at(0));
    for (let m = 20; m < 12 * 60; m += 20)
      expect(await findConsoleSession(store, busy.token, at(m))).toBeDefined();
    expect(await findConsoleSession(store, busy.token, at(12 * 60))).toBeUndefined();
  });

  it('ends on sign-out, on a role change and when the user is disabled', async () => {
    const u = await user();
    const a = await openConsoleSession(store, u.id, { method: 'password', mfa: false });
    expect(await endConsoleSession(store, a.token)).toBe(true);
    expect(await findConsoleSession(store, a.token)).toBeUndefined();
    const b = await openConsoleSession(store, u.id, { method: 'password', mfa: false });
    await setConsoleRole(store, { email: u.email, role: 'engineer', actor: 'test' });
    expect(await findConsoleSession(store, b.token)).toBeUndefined();
    const c = await openConsoleSession(store, u.id, { method: 'password', mfa: false });
    await disableConsoleUser(store, u.email);
    expect(await findConsoleSession(store, c.token)).toBeUndefined();
  });
});
