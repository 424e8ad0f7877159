import type { JurisdictionKey } from '@pledge/core';
import { type RequestRight, receiveRequest, requestEvents, transitionRequest } from '@pledge/requests';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLedgerRight } from '../src/request-runner/ledger-rights.js';
import { assessObjection } from '../src/request-runner/objection-assessment.js';
import { openRuntime, type Runtime } from '../src/runtime.js';
import { antsentry, freshStore } from './helpers.js';

const USER = 'ledger-rights-canary-user';
const OFFICER = { kind: 'user', id: 'officer-1' } as const;

describe('ledger rights of a verified request', () => {
  let rt: Runtime;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const fresh = await freshStore('pglite');
    cleanup = fresh.cleanup;
    rt = await openRuntime({ manifest: antsentry, source: 'test', store: fresh.store });
  });
  afterEach(async () => {
    await rt.close();
    await cleanup();
  });

  /** A request received through the API and verified, as the runner finds it. */
  async function verified(right: RequestRight, jurisdiction: JurisdictionKey) {
    const received = await receiveRequest(
      rt.store.db,
      {
        right,
        channel: 'api',
        jurisdiction,
        contact: { kind: 'email', address: 'canary@example.test' },
        identity: { 'user-id': [USER] },
      },
      { actor: { kind: 'key', id: 'key-1' }, manifest: rt.engine.policy.manifest },
    );
    if (!received.ok) throw new Error(received.code);
    const moved = await transitionRequest(
      rt.store.db,
      received.request.id,
      { action: 'verify', method: 'email-code' },
      { actor: OFFICER },
    );
    if (!moved.ok) throw new Error(moved.code);
    return moved.request;
  }

  const decide = (purpose: string, categories: string[], jurisdiction: JurisdictionKey) =>
    rt.engine.decide({ subject: USER, purpose, categories, facts: { jurisdiction } });

  it('P0-48: a withdrawal request stops the purpose; the earlier consent stays in the verified ledger', async () => {
    const given = await rt.engine.record(USER, [
      {
        type: 'consent-given',
        purposes: ['personalisation'],
        consentMode: 'opt-in',
        method: 'form',
        source: 'web',
        actor: 'subject',
      },
    ]);
    expect(given.ok).toBe(true);
    expect((await decide('personalisation', ['browser-info'], 'eu-gdpr')).allowed).toBe(true);

    const request = await verified('withdrawal', 'eu-gdpr');
    const outcome = await runLedgerRight(rt, request, OFFICER);
    expect(outcome).toMatchObject({ kind: 'done', evidence: expect.stringContaining(request.id) });

    const after = await decide('personalisation', ['browser-info'], 'eu-gdpr');
    expect(after.allowed).toBe(false);
    const events = await rt.engine.events(USER);
    expect(events.map((e) => e.type)).toEqual(['consent-given', 'consent-withdrawn']);
    expect(events[1]).toMatchObject({ method: 'dsr', source: 'api', actor: 'subject' });
    expect((await rt.engine.verify()).ok).toBe(true);
  });

  it('P0-53: an EEA objection suspends legitimate-interest processing until an officer logs an assessment', async () => {
    const li = () => decide('service-improvement', ['browser-info'], 'eu-gdpr');
    expect((await li()).allowed).toBe(true);

    const request = await verified('objection', 'eu-gdpr');
    expect(await runLedgerRight(rt, request, OFFICER)).toMatchObject({ kind: 'done' });
    expect(await li()).toMatchObject({ allowed: false });
    // A contract purpose is not the objection's.
    expect((await decide('registration', ['email'], 'eu-gdpr')).allowed).toBe(true);

    const upheld = await assessObjection(
      rt,
      request.id,
      { outcome: 'objection-upheld', note: 'No overriding grounds.' },
      OFFICER,
    );
    expect(upheld).toMatchObject({ ok: true, lifted: false });
    expect((await li()).allowed).toBe(false);

    const lifted = await assessObjection(
      rt,
      request.id,
      { outcome: 'compelling-grounds', note: 'Security monitoring outweighs the objection.' },
      OFFICER,
    );
    expect(lifted).toMatchObject({ ok: true, lifted: true });
    expect((await li()).allowed).toBe(true);
    const actions = (await requestEvents(rt.store.db, request.id)).map((e) => e.action);
    expect(actions.filter((a) => a === 'assess-objection')).toHaveLength(2);
  });

  it('refuses an assessment of another right or without a note, and leaves other rights to an officer', async () => {
    const access = await verified('access', 'eu-gdpr');
    expect(
      await assessObjection(rt, access.id, { outcome: 'compelling-grounds', note: 'x' }, OFFICER),
    ).toMatchObject({
      ok: false,
      code: 'request.not-an-objection',
      path: 'id',
    });
    const objection = await verified('objection', 'eu-gdpr');
    expect(
      await assessObjection(rt, objection.id, { outcome: 'compelling-grounds', note: ' ' }, OFFICER),
    ).toMatchObject({
      ok: false,
      code: 'request.text-required',
      path: 'note',
    });
    expect(await runLedgerRight(rt, access, OFFICER)).toMatchObject({ kind: 'manual' });
  });
});
