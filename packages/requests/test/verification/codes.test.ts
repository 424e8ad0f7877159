import { parseMail, verifyWebhookSignature } from '@pledge/notify';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkCode,
  requestVerification,
  startCodeVerification,
  verificationHistory,
} from '../../src/index.js';
import { codeIn, GATEWAY_SECRET, openWorld, type World } from './support.js';

const ALICE = 'canary-alice-5521@example.test';

describe('one-time codes', () => {
  let w: World;
  beforeEach(async () => {
    w = await openWorld();
  });
  afterEach(async () => {
    await w.close();
  });

  async function codeFor(address: string): Promise<string> {
    const mail = await w.mail.next((m) => m.to.includes(address));
    return codeIn(parseMail(mail.raw).text);
  }

  it('P1-44: a code sent by e-mail verifies the request, and the result is recorded', async () => {
    const started = await startCodeVerification(w.ctx, {
      channel: 'email',
      address: ALICE,
      requestRef: 'R-1',
    });
    expect(started).toMatchObject({ ok: true, status: 'sent' });
    if (!started.ok) return;
    expect(started.expiresAt.toISOString()).toBe('2026-04-01T08:15:00.000Z');
    expect(await requestVerification(w.store.db, 'R-1')).toBeUndefined();
    const code = await codeFor(ALICE);
    const checked = await checkCode(w.ctx, { challengeId: started.challengeId, code });
    expect(checked).toMatchObject({ ok: true, verification: { method: 'email-code', outcome: 'verified' } });
    expect(await requestVerification(w.store.db, 'R-1')).toMatchObject({
      method: 'email-code',
      requestRef: 'R-1',
    });
    // A code works once.
    expect(await checkCode(w.ctx, { challengeId: started.challengeId, code })).toMatchObject({ ok: false });
  });

  it('keeps codes only as keyed hashes: once sent, the code is nowhere in the database', async () => {
    const started = await startCodeVerification(w.ctx, { channel: 'email', address: ALICE });
    const code = await codeFor(ALICE);
    await w.notifier.idle();
    expect(started.ok).toBe(true);
    for (const table of ['pledge_verification_challenges', 'pledge_notify_outbox']) {
      const { rows } = await sql<{ t: string }>`select t::text as t from ${sql.table(table)} as t`.execute(
        w.store.db,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.t).not.toContain(code);
        if (table === 'pledge_verification_challenges') expect(row.t).not.toContain(ALICE);
      }
    }
  });

  it('expires a code after 15 minutes', async () => {
    const started = await startCodeVerification(w.ctx, { channel: 'email', address: ALICE });
    const code = await codeFor(ALICE);
    if (!started.ok) throw new Error('not started');
    w.clock.advance(15 * 60_000);
    expect(await checkCode(w.ctx, { challengeId: started.challengeId, code })).toEqual({
      ok: false,
      code: 'code-expired',
      path: 'code',
    });
  });

  it('locks a challenge after 5 wrong codes, even against parallel guesses', async () => {
    const started = await startCodeVerification(w.ctx, {
      channel: 'email',
      address: ALICE,
      requestRef: 'R-L',
    });
    const code = await codeFor(ALICE);
    if (!started.ok) throw new Error('not started');
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => checkCode(w.ctx, { challengeId: started.challengeId, code: wrong })),
    );
    const wrongs = answers.filter((a) => !a.ok && a.code === 'code-wrong');
    expect(wrongs).toHaveLength(4);
    expect(answers.filter((a) => !a.ok && a.code === 'attempts-exhausted')).toHaveLength(8);
    // The right code no longer helps.
    expect(await checkCode(w.ctx, { challengeId: started.challengeId, code })).toMatchObject({
      code: 'attempts-exhausted',
    });
    const history = await verificationHistory(w.store.db, 'R-L');
    expect(history).toEqual([expect.objectContaining({ outcome: 'failed', code: 'attempts-exhausted' })]);
    expect(await requestVerification(w.store.db, 'R-L')).toBeUndefined();
  });

  it('limits codes per address and per IP address within the window', async () => {
    const ctx = { ...w.ctx, limits: { perAddress: 3, perIp: 4 } };
    for (let i = 0; i < 3; i++) {
      expect(
        await startCodeVerification(ctx, { channel: 'email', address: ALICE, ip: '198.51.100.7' }),
      ).toMatchObject({
        ok: true,
      });
    }
    expect(
      await startCodeVerification(ctx, { channel: 'email', address: ` ${ALICE.toUpperCase()} ` }),
    ).toMatchObject({
      ok: false,
      code: 'rate-limited',
      path: 'address',
    });
    expect(
      await startCodeVerification(ctx, { channel: 'email', address: 'bob@example.test', ip: '198.51.100.7' }),
    ).toMatchObject({ ok: true });
    expect(
      await startCodeVerification(ctx, {
        channel: 'email',
        address: 'carol@example.test',
        ip: '198.51.100.7',
      }),
    ).toMatchObject({ ok: false, code: 'rate-limited', path: 'ip' });
    w.clock.advance(60 * 60_000 + 1);
    expect(
      await startCodeVerification(ctx, { channel: 'email', address: ALICE, ip: '198.51.100.7' }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('sends a code by SMS through the gateway webhook, signed', async () => {
    const phone = '+8613800138000';
    const started = await startCodeVerification(w.ctx, {
      channel: 'sms',
      address: phone,
      locale: 'zh-CN',
      requestRef: 'R-2',
    });
    if (!started.ok) throw new Error('not started');
    const hook = await w.gateway.next((h) => h.path === '/sms');
    const header = hook.headers['pledge-signature'];
    expect(verifyWebhookSignature(GATEWAY_SECRET, hook.body, String(header), w.clock.now())).toEqual({
      ok: true,
    });
    const doc = JSON.parse(hook.body) as { type: string; to: string; text: string };
    expect(doc).toMatchObject({ type: 'sms', to: phone });
    expect(doc.text).toContain('验证码');
    const checked = await checkCode(w.ctx, { challengeId: started.challengeId, code: codeIn(doc.text) });
    expect(checked).toMatchObject({ ok: true, verification: { method: 'sms-code', requestRef: 'R-2' } });
  });

  it('answers bad input with a code naming the field, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 80 }),
        fc.constantFrom('email', 'sms', 'fax'),
        async (address, channel) => {
          const r = await startCodeVerification(w.ctx, {
            channel: channel as 'email',
            address: `${address}\u0000`,
          });
          expect(r).toMatchObject({ ok: false, code: 'address-invalid' });
        },
      ),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 12 }),
        async (challengeId, code) => {
          const r = await checkCode(w.ctx, { challengeId, code });
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.path).toBe('code');
        },
      ),
      { numRuns: 40 },
    );
  });
});
