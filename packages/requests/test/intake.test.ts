import { ManualClock } from '@pledge/jobs';
import { openStore, type Store } from '@pledge/store';
import { createScratchDatabase, type ScratchDatabase } from '@pledge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  feeDecision,
  getRequest,
  listRequests,
  migrateRequests,
  type ReceiveInput,
  receiveRequest,
  requestEvents,
  transitionRequest,
} from '../src/index.js';
import { exampleManifest } from './helpers.js';

const officer = { kind: 'user', id: 'officer-1' } as const;
const requester = { kind: 'requester', id: 'privacy-center' } as const;

const backends = [
  { name: 'embedded (PGlite)', open: async () => ({ store: await openStore(), scratch: undefined }) },
  {
    name: 'PostgreSQL',
    open: async () => {
      const scratch = await createScratchDatabase('pledge_req');
      return { store: await openStore({ url: scratch.url }), scratch };
    },
  },
];

describe.each(backends)('requests on $name', ({ open }) => {
  let store: Store;
  let scratch: ScratchDatabase | undefined;
  const clock = new ManualClock('2026-06-01T02:00:00Z');
  let n = 0;
  /** A fresh address per test, so duplicate detection only sees what the test made. */
  const address = () => `person${++n}@example.test`;
  const input = (email: string, extra: Partial<ReceiveInput> = {}): ReceiveInput => ({
    right: 'access',
    channel: 'privacy-center',
    contact: { kind: 'email', address: email },
    identity: { email: [email] },
    ...extra,
  });

  beforeAll(async () => {
    ({ store, scratch } = await open());
    await migrateRequests(store.db);
    await migrateRequests(store.db); // twice: a second run is a no-op
  });
  afterAll(async () => {
    await store?.close();
    await scratch?.drop();
  });

  it('P0-44: stores a request from the first moment with its receipt event, naming no law', async () => {
    const email = address();
    const received = await receiveRequest(store.db, input(email, { right: 'objection' }), {
      actor: requester,
      clock,
    });
    if (!received.ok) throw new Error(received.code);
    expect(received.request).toMatchObject({ state: 'received', jurisdiction: null, right: 'objection' });
    expect(received.request.dueAt?.toISOString()).toBe('2026-07-01T23:59:59.999Z');
    const stored = await getRequest(store.db, received.request.id);
    expect(stored?.contact.address).toBe(email);
    const events = await requestEvents(store.db, received.request.id);
    expect(events).toMatchObject([{ action: 'receive', toState: 'received', actor: requester }]);
    expect(JSON.stringify(events)).not.toContain(email);
  });

  it('refuses bad input naming the field, without echoing the value', async () => {
    const bad = await receiveRequest(store.db, input('not-an-address'), { actor: requester, clock });
    expect(bad).toMatchObject({ ok: false, code: 'request.contact-invalid', path: 'contact.address' });
    expect(JSON.stringify(bad)).not.toContain('not-an-address');
    const right = await receiveRequest(store.db, input(address(), { right: 'nope' as never }), {
      actor: requester,
      clock,
    });
    expect(right).toMatchObject({ ok: false, path: 'right' });
    const future = await receiveRequest(
      store.db,
      input(address(), { receivedAt: new Date('2027-01-01T00:00:00Z') }),
      {
        actor: officer,
        clock,
      },
    );
    expect(future).toMatchObject({ ok: false, path: 'receivedAt' });
  });

  it('P1-43: the clock starts at verification, the reminder is set, and the request is listed by due date', async () => {
    const manifest = exampleManifest('camera-app');
    const received = await receiveRequest(store.db, input(address(), { jurisdiction: 'cn-pipl' }), {
      actor: requester,
      clock,
      manifest,
    });
    if (!received.ok) throw new Error(received.code);
    expect(received.request.dueAt).toBeNull();
    clock.set('2026-06-03T02:00:00Z');
    const verified = await transitionRequest(
      store.db,
      received.request.id,
      { action: 'verify', method: 'email-code' },
      {
        actor: requester,
        clock,
      },
    );
    if (!verified.ok) throw new Error(verified.code);
    expect(verified.request.dueAt?.toISOString()).toBe('2026-06-18T15:59:59.999Z');
    expect(verified.request.remindAt?.toISOString()).toBe('2026-06-14T16:00:00.000Z');
    const listed = await listRequests(store.db, { states: ['verified'] });
    expect(listed.map((r) => r.id)).toContain(received.request.id);
    const all = await listRequests(store.db);
    const dues = all.map((r) => r.dueAt?.getTime() ?? Number.POSITIVE_INFINITY);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
  });

  it('P0-46: a request needing clarification is paused, not closed, and resumes where it was', async () => {
    clock.set('2026-05-01T09:00:00Z');
    const received = await receiveRequest(store.db, input(address(), { jurisdiction: 'uk-gdpr' }), {
      actor: requester,
      clock,
    });
    if (!received.ok) throw new Error(received.code);
    const id = received.request.id;
    await transitionRequest(store.db, id, { action: 'verify', method: 'officer' }, { actor: officer, clock });
    const before = (await getRequest(store.db, id))?.dueAt;
    await transitionRequest(
      store.db,
      id,
      { action: 'clarify', question: 'Which of your two accounts?' },
      { actor: officer, clock },
    );
    expect((await getRequest(store.db, id))?.state).toBe('needs-clarification');
    clock.advance(10 * 86_400_000);
    const resumed = await transitionRequest(store.db, id, { action: 'resume' }, { actor: requester, clock });
    if (!resumed.ok) throw new Error(resumed.code);
    expect(resumed.request.state).toBe('verified');
    expect(resumed.request.pausedMs).toBe(10 * 86_400_000);
    // UK GDPR Art. 12A stops the clock: the deadline moved by the pause.
    expect(resumed.request.dueAt?.getTime()).toBeGreaterThan(before?.getTime() ?? 0);
    const actions = (await requestEvents(store.db, id)).map((e) => e.action);
    expect(actions).toEqual(['receive', 'verify', 'clarify', 'resume']);
  });

  it('P2-22 and P1-46: extension and denial are recorded with their reasons and the complaint route', async () => {
    clock.set('2026-06-01T02:00:00Z');
    const manifest = exampleManifest('spacemit-site');
    const received = await receiveRequest(store.db, input(address(), { right: 'erasure' }), {
      actor: requester,
      clock,
      manifest,
    });
    if (!received.ok) throw new Error(received.code);
    const id = received.request.id;
    await transitionRequest(
      store.db,
      id,
      { action: 'verify', method: 'documents' },
      { actor: officer, clock },
    );
    const noReason = await transitionRequest(
      store.db,
      id,
      { action: 'extend', reasons: [] },
      { actor: officer, clock },
    );
    expect(noReason).toMatchObject({ ok: false, path: 'reasons' });
    const extended = await transitionRequest(
      store.db,
      id,
      { action: 'extend', reasons: ['business-verification'], note: 'Waiting for the account team.' },
      { actor: officer, clock },
    );
    if (!extended.ok) throw new Error(extended.code);
    expect(extended.request.dueAt?.getTime()).toBeGreaterThan(received.request.dueAt?.getTime() ?? 0);
    expect(extended.request.extension?.reasons).toEqual(['business-verification']);
    const denied = await transitionRequest(
      store.db,
      id,
      {
        action: 'deny',
        grounds: ['legal-exemption'],
        complaintRoute: 'Cyberspace Administration of China (12377.cn)',
      },
      { actor: officer, clock },
    );
    if (!denied.ok) throw new Error(denied.code);
    expect(denied.request.denial).toMatchObject({ grounds: ['legal-exemption'] });
    const again = await transitionRequest(store.db, id, { action: 'complete' }, { actor: officer, clock });
    expect(again).toMatchObject({ ok: false, code: 'request.transition-not-allowed' });
  });

  it('GDPR allows an extension; the camera app policy (15 days, no extension) does not', async () => {
    clock.set('2026-06-01T02:00:00Z');
    const camera = await receiveRequest(store.db, input(address(), { jurisdiction: 'eu-gdpr' }), {
      actor: requester,
      clock,
      manifest: exampleManifest('camera-app'),
    });
    if (!camera.ok) throw new Error(camera.code);
    await transitionRequest(
      store.db,
      camera.request.id,
      { action: 'verify', method: 'email-code' },
      { actor: requester, clock },
    );
    const refused = await transitionRequest(
      store.db,
      camera.request.id,
      { action: 'extend', reasons: ['complexity'] },
      {
        actor: officer,
        clock,
      },
    );
    expect(refused).toMatchObject({ ok: false, code: 'request.extension-not-allowed' });
    const gdpr = await receiveRequest(store.db, input(address(), { jurisdiction: 'eu-gdpr' }), {
      actor: requester,
      clock,
    });
    if (!gdpr.ok) throw new Error(gdpr.code);
    await transitionRequest(
      store.db,
      gdpr.request.id,
      { action: 'verify', method: 'email-code' },
      { actor: requester, clock },
    );
    const extended = await transitionRequest(
      store.db,
      gdpr.request.id,
      { action: 'extend', reasons: ['complexity'] },
      {
        actor: officer,
        clock,
      },
    );
    if (!extended.ok) throw new Error(extended.code);
    // No controller zone in this request: the EEA's earliest midnight (Athens, UTC+3 in summer).
    expect(extended.request.dueAt?.toISOString()).toBe('2026-09-01T20:59:59.999Z');
  });

  it('detects a duplicate: same right and contact while the first is open, linked to it', async () => {
    clock.set('2026-06-01T02:00:00Z');
    const email = address();
    const first = await receiveRequest(store.db, input(email), { actor: requester, clock });
    const second = await receiveRequest(store.db, input(` ${email.toUpperCase()} `), {
      actor: requester,
      clock,
    });
    const other = await receiveRequest(store.db, input(email, { right: 'erasure' }), {
      actor: requester,
      clock,
    });
    if (!first.ok || !second.ok || !other.ok) throw new Error('not received');
    expect(first.duplicateOf).toBeNull();
    expect(second.duplicateOf).toBe(first.request.id);
    expect(other.duplicateOf).toBeNull();
  });

  it('P0-47 and P1-45: the first copy is free; a repeat may cost only where law and policy allow', async () => {
    clock.set('2026-06-01T02:00:00Z');
    const manifest = exampleManifest('antsentry');
    const email = address();
    const ask = async () => {
      const r = await receiveRequest(store.db, input(email, { jurisdiction: 'cn-pipl' }), {
        actor: requester,
        clock,
        manifest,
      });
      if (!r.ok) throw new Error(r.code);
      return r.request;
    };
    const first = await ask();
    expect(first.fee).toEqual({ chargeable: false, basis: 'first-copy-free', repeatCount: 0 });
    await transitionRequest(
      store.db,
      first.id,
      { action: 'verify', method: 'documents' },
      { actor: officer, clock },
    );
    await transitionRequest(store.db, first.id, { action: 'complete' }, { actor: officer, clock });
    clock.advance(40 * 86_400_000);
    const repeat = await ask();
    expect(repeat.fee).toEqual({ chargeable: true, basis: 'repeat-request', repeatCount: 1 });
    // The policy's fee applies to PIPL requests only: for a Californian it announces none.
    const ccpa = await receiveRequest(store.db, input(email, { jurisdiction: 'us-ca-ccpa' }), {
      actor: requester,
      clock,
      manifest,
    });
    if (!ccpa.ok) throw new Error(ccpa.code);
    expect(ccpa.request.fee).toMatchObject({
      chargeable: false,
      basis: 'policy-states-no-fee',
      repeatCount: 1,
    });
    // CCPA itself: two free requests in twelve months.
    expect(feeDecision({ right: 'access', jurisdiction: 'us-ca-ccpa', repeatCount: 1 })).toMatchObject({
      chargeable: false,
      basis: 'within-free-allowance',
    });
    expect(feeDecision({ right: 'access', jurisdiction: 'us-ca-ccpa', repeatCount: 2 }).chargeable).toBe(
      true,
    );
    expect(feeDecision({ right: 'erasure', jurisdiction: 'eu-gdpr', repeatCount: 5 }).basis).toBe(
      'not-a-copy',
    );
    // LGPD: always free.
    const lgpd = await receiveRequest(store.db, input(email, { jurisdiction: 'br-lgpd' }), {
      actor: requester,
      clock,
      manifest,
    });
    if (!lgpd.ok) throw new Error(lgpd.code);
    expect(lgpd.request.fee).toMatchObject({ chargeable: false, basis: 'law-free' });
  });
});
