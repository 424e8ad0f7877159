import { listOutbox } from '@pledge/notify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCode, type StartCodeResult, startCodeVerification } from '../../src/index.js';
import { openWorld, type World } from './support.js';

const KNOWN = 'canary-known-8841@example.test';
const UNKNOWN = 'canary-unknown-8842@example.test';

/** The answer's shape: keys, value types, and times relative to the clock. */
function shape(r: StartCodeResult, now: Date): unknown {
  return Object.fromEntries(
    Object.entries(r).map(([k, v]) => [
      k,
      v instanceof Date ? v.getTime() - now.getTime() : k === 'challengeId' ? typeof v : v,
    ]),
  );
}

describe('no account enumeration', () => {
  let w: World;
  beforeEach(async () => {
    w = await openWorld({ known: (a) => a === KNOWN });
  });
  afterEach(async () => {
    await w.close();
  });

  it('gives the same answer, of the same shape, for a known and an unknown address', async () => {
    const known = await startCodeVerification(w.ctx, { channel: 'email', address: KNOWN, ip: '203.0.113.1' });
    const unknown = await startCodeVerification(w.ctx, {
      channel: 'email',
      address: UNKNOWN,
      ip: '203.0.113.2',
    });
    expect(shape(unknown, w.clock.now())).toEqual(shape(known, w.clock.now()));
    expect(shape(known, w.clock.now())).toEqual({
      ok: true,
      status: 'sent',
      challengeId: 'string',
      expiresAt: 900_000,
    });
    await w.notifier.idle();
    // Only the known address received a code.
    expect(w.mail.messages.flatMap((m) => m.to)).toEqual([KNOWN]);
    expect((await listOutbox(w.store.db)).map((e) => e.recipient)).toEqual([KNOWN]);
  });

  it('refuses guesses for an unknown address exactly as wrong codes for a known one', async () => {
    const known = await startCodeVerification(w.ctx, { channel: 'email', address: KNOWN });
    const unknown = await startCodeVerification(w.ctx, { channel: 'email', address: UNKNOWN });
    if (!known.ok || !unknown.ok) throw new Error('not started');
    await w.notifier.idle();
    const sent = w.mail.messages[0]?.raw ?? '';
    const wrong = sent.includes('123456') ? '654321' : '123456';
    for (let i = 0; i < 5; i++) {
      const a = await checkCode(w.ctx, { challengeId: known.challengeId, code: wrong });
      const b = await checkCode(w.ctx, { challengeId: unknown.challengeId, code: wrong });
      expect(b).toEqual(a);
    }
    // Rate limits count the same for both.
    const ctx = { ...w.ctx, limits: { perAddress: 2 } };
    expect(await startCodeVerification(ctx, { channel: 'email', address: KNOWN })).toMatchObject({
      ok: true,
    });
    expect(await startCodeVerification(ctx, { channel: 'email', address: UNKNOWN })).toMatchObject({
      ok: true,
    });
    const a = await startCodeVerification(ctx, { channel: 'email', address: KNOWN });
    const b = await startCodeVerification(ctx, { channel: 'email', address: UNKNOWN });
    expect(b).toEqual(a);
    expect(a).toMatchObject({ ok: false, code: 'rate-limited', path: 'address' });
  });
});
