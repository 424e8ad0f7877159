import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_TRANSITIONS,
  DENIAL_GROUNDS,
  FINAL_STATES,
  REQUEST_RIGHTS,
  REQUEST_STATES,
  type TransitionAction,
  transition,
  type WorkflowSnapshot,
} from '../src/index.js';

const at = (state: WorkflowSnapshot['state'], extra: Partial<WorkflowSnapshot> = {}): WorkflowSnapshot => ({
  state,
  pausedFrom: null,
  extended: false,
  ...extra,
});

describe('request workflow', () => {
  it('lists the ten rights the privacy center offers', () => {
    expect(REQUEST_RIGHTS).toHaveLength(10);
    expect(REQUEST_RIGHTS).toContain('opt-out-sale-share');
    expect(REQUEST_RIGHTS).toContain('automated-decision-review');
  });

  it('P0-45: a request is completed only after verification', () => {
    for (const state of ['received', 'verifying', 'needs-clarification'] as const) {
      const result = transition(at(state), { action: 'complete' });
      expect(result).toMatchObject({ ok: false, code: 'request.transition-not-allowed', path: 'state' });
    }
    expect(transition(at('verified'), { action: 'complete' })).toMatchObject({ ok: true, to: 'completed' });
  });

  it('P1-46: a denial without a ground, or with an unknown one, is invalid; the complaint route is required', () => {
    const deny = (input: Partial<Extract<TransitionAction, { action: 'deny' }>>) =>
      transition(at('verified'), {
        action: 'deny',
        grounds: [],
        complaintRoute: 'CAC',
        ...input,
      } as TransitionAction);
    expect(deny({})).toMatchObject({ ok: false, code: 'request.denial-ground-required', path: 'grounds' });
    expect(deny({ grounds: ['because' as never] })).toMatchObject({
      code: 'request.denial-ground-unknown',
      path: 'grounds[0]',
    });
    expect(deny({ grounds: ['impractical'], complaintRoute: ' ' })).toMatchObject({
      code: 'request.text-required',
      path: 'complaintRoute',
    });
    expect(deny({ grounds: ['impractical', 'legal-exemption'] })).toMatchObject({ ok: true, to: 'denied' });
  });

  it('P2-22: an extension needs a recorded reason and happens once', () => {
    expect(transition(at('in-progress'), { action: 'extend', reasons: [] })).toMatchObject({
      code: 'request.extension-reason-required',
      path: 'reasons',
    });
    expect(transition(at('in-progress'), { action: 'extend', reasons: ['material-review'] })).toMatchObject({
      ok: true,
      to: 'extended',
    });
    expect(
      transition(at('in-progress', { extended: true }), { action: 'extend', reasons: ['complexity'] }),
    ).toMatchObject({ code: 'request.already-extended' });
  });

  it('P0-46: clarification pauses a request and resuming returns it to where it was', () => {
    const paused = transition(at('verified'), { action: 'clarify', question: 'Which account?' });
    expect(paused).toMatchObject({ ok: true, to: 'needs-clarification', pausedFrom: 'verified' });
    expect(
      transition(at('needs-clarification', { pausedFrom: 'verified' }), { action: 'resume' }),
    ).toMatchObject({
      ok: true,
      to: 'verified',
    });
    expect(transition(at('verified'), { action: 'resume' })).toMatchObject({ code: 'request.not-paused' });
  });

  it('final states are never left, whatever the action', () => {
    const actions: TransitionAction[] = [
      { action: 'start-verification' },
      { action: 'verify', method: 'email-code' },
      { action: 'clarify', question: 'q' },
      { action: 'resume' },
      { action: 'start' },
      { action: 'extend', reasons: ['complexity'] },
      { action: 'deny', grounds: [DENIAL_GROUNDS[0]], complaintRoute: 'ICO' },
      { action: 'complete' },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...REQUEST_STATES),
        fc.constantFrom(...actions),
        fc.boolean(),
        (state, action, extended) => {
          const result = transition(at(state, { extended }), action);
          if (FINAL_STATES.includes(state)) expect(result.ok).toBe(false);
          if (result.ok) expect(ALLOWED_TRANSITIONS[state]).toContain(result.to);
          else expect(result.code).toMatch(/^request\./);
        },
      ),
    );
  });
});
