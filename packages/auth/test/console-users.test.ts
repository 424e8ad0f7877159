import { migrateToLatest, openStore, type Store } from '@pledge/store';
import { createScratchDatabase, serviceAvailable } from '@pledge/testing';
import { sql } from 'kysely';
import { URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createConsoleUser,
  disableConsoleUser,
  enrolTotp,
  findConsoleUser,
  hashPassword,
  listConsoleUsers,
  roleChangesOf,
  setConsoleRole,
  signInWithPassword,
  TOTP_PERIOD_S,
  verifyPassword,
} from '../src/index.js';

const PASSWORD = 'correct horse battery staple';
/** The deployment's key (held outside the database) that seals second-factor secrets. */
const KEY = { key: 'test-deployment-key-0123456789abcdef' };
const KEYED = { totpKey: KEY.key };
let seq = 0;
const email = (what: string) => `${what}-${++seq}@users.test`;

describe('console users', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore();
    await migrateToLatest(store.db);
  });
  afterAll(() => store.close());

  async function user(role: string, extra: { password?: string | null; ack?: boolean } = {}) {
    const made = await createConsoleUser(store, {
      email: email(role),
      name: `A ${role}`,
      role,
      actor: 'test',
      ...(extra.password !== undefined ? { password: extra.password } : { password: PASSWORD }),
      confidentialityAcknowledged: extra.ack ?? true,
    });
    if (!made.ok) throw new Error(made.issue.code);
    return made;
  }

  it('hashes passwords with Argon2id, salted, and verifies them', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, PASSWORD)).toBe(true);
    expect(await verifyPassword(a, `${PASSWORD}!`)).toBe(false);
    expect(await verifyPassword('not a hash', PASSWORD)).toBe(false);
  });

  it('stores the e-mail case-folded and unique, the password only as a hash, and lists no secret', async () => {
    const made = await createConsoleUser(store, {
      email: '  Mixed.Case@Users.TEST ',
      name: 'Mixed',
      role: 'auditor',
      actor: 'test',
      password: PASSWORD,
    });
    if (!made.ok) throw new Error(made.issue.code);
    expect(made.user.email).toBe('mixed.case@users.test');
    const again = await createConsoleUser(store, {
      email: 'MIXED.case@users.test',
      name: 'B',
      role: 'auditor',
      actor: 'test',
    });
    expect(again).toMatchObject({ ok: false, issue: { code: 'email-taken', path: 'email' } });
    const row = await sql<{
      password_hash: string;
    }>`SELECT password_hash FROM pledge_console_users WHERE id = ${made.user.id}`.execute(store.db);
    expect(row.rows[0]!.password_hash.startsWith('$argon2id$')).toBe(true);
    const listed = JSON.stringify(await listConsoleUsers(store));
    expect(listed).not.toContain('argon2');
    expect(listed).not.toContain('totp_secret');
  });

  it('refuses bad input with a code and the field', async () => {
    const base = { email: email('x'), name: 'X', role: 'auditor', actor: 'test' };
    expect(await createConsoleUser(store, { ...base, email: 'no-at-sign' })).toMatchObject({
      ok: false,
      issue: { code: 'invalid-email', path: 'email' },
    });
    expect(await createConsoleUser(store, { ...base, role: 'root' })).toMatchObject({
      ok: false,
      issue: { code: 'invalid-role', path: 'role' },
    });
    expect(await createConsoleUser(store, { ...base, name: ' ' })).toMatchObject({
      ok: false,
      issue: { code: 'invalid-name', path: 'name' },
    });
    expect(await createConsoleUser(store, { ...base, password: 'short' })).toMatchObject({
      ok: false,
      issue: { code: 'invalid-password', path: 'password' },
    });
  });

  it('makes a temporary password when none is given, returned once', async () => {
    const made = await createConsoleUser(store, {
      email: email('temp'),
      name: 'T',
      role: 'engineer',
      actor: 'test',
    });
    if (!made.ok) throw new Error(made.issue.code);
    expect(made.temporaryPassword).toMatch(/^[\w-]{24}$/);
    const signed = await signInWithPassword(
      store,
      {
        email: made.user.email,
        password: made.temporaryPassword!,
      },
      KEYED,
    );
    expect(signed).toMatchObject({ ok: true, mfa: false, user: { role: 'engineer' } });
  });

  it('answers an unknown, a disabled and a wrong-password account alike', async () => {
    const known = await user('engineer');
    const disabled = await user('auditor');
    await disableConsoleUser(store, disabled.user.email);
    const answers = [
      await signInWithPassword(store, { email: 'nobody@users.test', password: PASSWORD }, KEYED),
      await signInWithPassword(store, { email: known.user.email, password: 'wrong password here' }, KEYED),
      await signInWithPassword(store, { email: disabled.user.email, password: PASSWORD }, KEYED),
    ];
    for (const answer of answers) expect(answer).toEqual({ ok: false, code: 'invalid-credentials' });
  });

  it('locks an account after 5 failures in a row, with the same answer, until the lock ends', async () => {
    const made = await user('engineer');
    const t0 = new Date('2026-01-01T10:00:00Z');
    for (let i = 0; i < 5; i++) {
      expect(
        await signInWithPassword(
          store,
          { email: made.user.email, password: 'wrong password here' },
          { now: t0, ...KEYED },
        ),
      ).toEqual({ ok: false, code: 'invalid-credentials' });
    }
    const locked = await findConsoleUser(store, made.user.email);
    expect(locked?.lockedUntil).toEqual(new Date(t0.getTime() + 15 * 60_000));
    const during = new Date(t0.getTime() + 14 * 60_000);
    expect(
      await signInWithPassword(
        store,
        { email: made.user.email, password: PASSWORD },
        { now: during, ...KEYED },
      ),
    ).toEqual({ ok: false, code: 'invalid-credentials' });
    const after = new Date(t0.getTime() + 15 * 60_000 + 1);
    expect(
      await signInWithPassword(
        store,
        { email: made.user.email, password: PASSWORD },
        { now: after, ...KEYED },
      ),
    ).toMatchObject({ ok: true });
  });

  it('accepts a TOTP code within one step of the clock, never twice, and not two steps away', async () => {
    const made = await user('engineer');
    const enrolled = await enrolTotp(store, made.user.email, { ...KEY, issuer: 'Pledge test' });
    if (!enrolled.ok) throw new Error(enrolled.issue.code);
    expect(enrolled.uri).toMatch(/^otpauth:\/\/totp\/Pledge%20test:/);
    const totp = URI.parse(enrolled.uri);
    const now = new Date('2026-01-01T12:00:10Z');
    const at = (steps: number) => totp.generate({ timestamp: now.getTime() + steps * TOTP_PERIOD_S * 1000 });
    const attempt = (code?: string) =>
      signInWithPassword(
        store,
        { email: made.user.email, password: PASSWORD, ...(code ? { totp: code } : {}) },
        { now, ...KEYED },
      );
    expect(await attempt()).toEqual({ ok: false, code: 'invalid-credentials' });
    expect(await attempt(at(-1))).toMatchObject({ ok: true, mfa: true });
    expect(await attempt(at(-1))).toEqual({ ok: false, code: 'invalid-credentials' });
    expect(await attempt(at(2))).toEqual({ ok: false, code: 'invalid-credentials' });
    expect(await attempt(at(0))).toMatchObject({ ok: true, mfa: true });
    // an older step, even if still in the window, is a reuse of the past
    expect(await attempt(at(-1))).toEqual({ ok: false, code: 'invalid-credentials' });
    expect(await attempt(at(1))).toMatchObject({ ok: true, mfa: true });
  });

  it('stores a second-factor secret sealed: the database alone does not hold it, and another key opens nothing', async () => {
    const made = await user('engineer');
    const enrolled = await enrolTotp(store, made.user.email, KEY);
    if (!enrolled.ok) throw new Error(enrolled.issue.code);
    const totp = URI.parse(enrolled.uri);
    const secret = totp.secret.base32;
    const stored = await sql<{
      totp_secret: string;
    }>`SELECT totp_secret FROM pledge_console_users WHERE id = ${made.user.id}`.execute(store.db);
    const value = stored.rows[0]?.totp_secret as string;
    expect(value.startsWith('v1:')).toBe(true);
    expect(value).not.toContain(secret);
    expect(Buffer.from(value.slice(3), 'base64url').toString('latin1')).not.toContain(secret);
    const now = new Date('2026-03-01T09:00:10Z');
    const code = totp.generate({ timestamp: now.getTime() });
    const attempt = { email: made.user.email, password: PASSWORD, totp: code };
    // another deployment's key: the right code is refused, like any wrong one
    expect(
      await signInWithPassword(store, attempt, { now, totpKey: 'another-key-0123456789abcdef' }),
    ).toEqual({
      ok: false,
      code: 'invalid-credentials',
    });
    // a sealed secret copied onto another user's row does not open there (bound to its user)
    const other = await user('engineer');
    await sql`UPDATE pledge_console_users SET totp_secret = ${value} WHERE id = ${other.user.id}`.execute(
      store.db,
    );
    expect(
      await signInWithPassword(store, { ...attempt, email: other.user.email }, { now, ...KEYED }),
    ).toEqual({ ok: false, code: 'invalid-credentials' });
    expect(await signInWithPassword(store, attempt, { now, ...KEYED })).toMatchObject({
      ok: true,
      mfa: true,
    });
  });

  it('P1-53: a role reading personal data needs a second factor and the confidentiality obligation on record', async () => {
    const refused = await createConsoleUser(store, {
      email: email('agent'),
      name: 'Agent',
      role: 'support-agent',
      actor: 'test',
      password: PASSWORD,
    });
    expect(refused).toMatchObject({ ok: false, issue: { code: 'confidentiality-not-acknowledged' } });
    const agent = await user('support-agent');
    expect(agent.user.confidentialityAcknowledgedAt).toBeInstanceOf(Date);
    expect(await signInWithPassword(store, { email: agent.user.email, password: PASSWORD }, KEYED)).toEqual({
      ok: false,
      code: 'second-factor-required',
    });
    // a wrong password still gets the common answer: the special one only follows a right password
    expect(
      await signInWithPassword(store, { email: agent.user.email, password: 'wrong password here' }, KEYED),
    ).toEqual({ ok: false, code: 'invalid-credentials' });
    const enrolled = await enrolTotp(store, agent.user.email, KEY);
    if (!enrolled.ok) throw new Error(enrolled.issue.code);
    const code = URI.parse(enrolled.uri).generate();
    expect(
      await signInWithPassword(store, { email: agent.user.email, password: PASSWORD, totp: code }, KEYED),
    ).toMatchObject({ ok: true, mfa: true });
    // an auditor reads no personal data: a password alone is enough
    const auditor = await user('auditor', { ack: false });
    expect(
      await signInWithPassword(store, { email: auditor.user.email, password: PASSWORD }, KEYED),
    ).toMatchObject({
      ok: true,
      mfa: false,
    });
    expect(
      await setConsoleRole(store, { email: auditor.user.email, role: 'privacy-officer', actor: 'test' }),
    ).toMatchObject({ ok: false, issue: { code: 'confidentiality-not-acknowledged' } });
    const granted = await setConsoleRole(store, {
      email: auditor.user.email,
      role: 'privacy-officer',
      actor: 'test',
      confidentialityAcknowledged: true,
    });
    expect(granted).toMatchObject({ ok: true, changed: true, user: { role: 'privacy-officer' } });
  });

  it('records every role change: who, whom, from, to, when', async () => {
    const made = await user('engineer');
    const at = new Date('2026-02-03T04:05:06Z');
    const changed = await setConsoleRole(
      store,
      { email: made.user.email, role: 'auditor', actor: 'usr_owner' },
      { now: at },
    );
    expect(changed).toMatchObject({ ok: true, changed: true });
    const same = await setConsoleRole(store, { email: made.user.email, role: 'auditor', actor: 'usr_owner' });
    expect(same).toMatchObject({ ok: true, changed: false });
    expect(await roleChangesOf(store, made.user.id)).toEqual([
      { actor: 'test', from: null, to: 'engineer', at: made.user.createdAt },
      { actor: 'usr_owner', from: 'engineer', to: 'auditor', at },
    ]);
    expect(
      await setConsoleRole(store, { email: 'nobody@users.test', role: 'auditor', actor: 'x' }),
    ).toMatchObject({ ok: false, issue: { code: 'unknown-user' } });
  });
});

const backends: Array<'pglite' | 'postgres'> = (await serviceAvailable('PostgreSQL', '127.0.0.1', 5432))
  ? ['pglite', 'postgres']
  : ['pglite'];

describe.each(backends)('P0-30: the cap on holders of roles that read personal data (%s)', (backend) => {
  let store: Store;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (backend === 'postgres') {
      const scratch = await createScratchDatabase('pledge_auth');
      store = await openStore({ url: scratch.url });
      drop = () => scratch.drop();
    } else store = await openStore();
    await migrateToLatest(store.db);
  });
  afterAll(async () => {
    await store.close();
    await drop?.();
  });

  it('P0-30: granting one more personal-data role than the manifest allows is refused; disabling one frees a place', async () => {
    const cap = { personalDataCap: 2 };
    const make = (role: string, name: string) =>
      createConsoleUser(
        store,
        {
          email: `${name}@cap.test`,
          name,
          role,
          actor: 'owner',
          password: PASSWORD,
          confidentialityAcknowledged: true,
        },
        cap,
      );
    expect(await make('privacy-officer', 'po')).toMatchObject({ ok: true });
    expect(await make('support-agent', 'agent1')).toMatchObject({ ok: true });
    const third = await make('support-agent', 'agent2');
    expect(third).toMatchObject({ ok: false, issue: { code: 'personal-data-cap-reached', path: 'role' } });
    expect(await make('auditor', 'auditor')).toMatchObject({ ok: true });
    const promote = await setConsoleRole(
      store,
      { email: 'auditor@cap.test', role: 'owner', actor: 'owner', confidentialityAcknowledged: true },
      cap,
    );
    expect(promote).toMatchObject({ ok: false, issue: { code: 'personal-data-cap-reached' } });
    // moving a holder between two such roles does not count them twice
    expect(
      await setConsoleRole(store, { email: 'agent1@cap.test', role: 'privacy-officer', actor: 'owner' }, cap),
    ).toMatchObject({ ok: true, changed: true });
    await disableConsoleUser(store, 'po@cap.test');
    expect(
      await setConsoleRole(
        store,
        { email: 'auditor@cap.test', role: 'owner', actor: 'owner', confidentialityAcknowledged: true },
        cap,
      ),
    ).toMatchObject({ ok: true });
    // two grants at once cannot both take the last place (the table is locked while counting)
    await disableConsoleUser(store, 'agent1@cap.test');
    const racing = await Promise.all(['race1', 'race2'].map((name) => make('support-agent', name)));
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    const holders = (await listConsoleUsers(store)).filter(
      (u) => !u.disabledAt && ['owner', 'privacy-officer', 'support-agent'].includes(u.role),
    );
    expect(holders).toHaveLength(2);
  });
});
