import {
  DENIAL_GROUNDS,
  type DenialGround,
  EXTENSION_REASONS,
  type ExtensionReason,
  MAX_REASON_TEXT,
} from './reasons.js';
import type { RequestState } from './states.js';
import { canTransition } from './transitions.js';

/**
 * How a request's identity was verified, as the `verify` step records it: the verification
 * module's methods (codes, signed tokens, an agent's authorisation), documents checked by an
 * officer, the officer's own check (a known caller), or none needed (a right that needs no proof).
 */
export const VERIFIED_BY = [
  'email-code',
  'sms-code',
  'signed-token',
  'agent-authorisation',
  'documents',
  'officer',
  'not-required',
] as const;

/** One of {@link VERIFIED_BY}. */
export type VerifiedBy = (typeof VERIFIED_BY)[number];

/** What a transition needs to know of a request. */
export interface WorkflowSnapshot {
  state: RequestState;
  /** The state a request in `needs-clarification` returns to. */
  pausedFrom: RequestState | null;
  /** Whether the deadline was already extended (the laws allow one extension). */
  extended: boolean;
}

/** A step in a request's life, with what it must carry. */
export type TransitionAction =
  | { action: 'start-verification' }
  | { action: 'verify'; method: VerifiedBy }
  | { action: 'clarify'; question: string }
  | { action: 'resume' }
  | { action: 'start' }
  | { action: 'extend'; reasons: readonly ExtensionReason[]; note?: string }
  | { action: 'deny'; grounds: readonly DenialGround[]; complaintRoute: string; explanation?: string }
  | { action: 'complete'; note?: string };

/** A workflow refusal: a stable `code`, the input `path` it concerns, a message without personal data. */
export interface RequestRefusal {
  ok: false;
  code: string;
  path: string;
  message: string;
}

/** The outcome of {@link transition}. */
export type TransitionResult =
  | { ok: true; from: RequestState; to: RequestState; pausedFrom: RequestState | null }
  | RequestRefusal;

/** Builds a {@link RequestRefusal}. */
export function refusal(code: string, path: string, message: string): RequestRefusal {
  return { ok: false, code, path, message };
}

function textProblem(value: unknown, path: string, required: boolean): RequestRefusal | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    return refusal('request.text-required', path, `${path} must be a non-empty text`);
  }
  if (value.length > MAX_REASON_TEXT) {
    return refusal('request.text-too-long', path, `${path} must be at most ${MAX_REASON_TEXT} characters`);
  }
  return undefined;
}

function listProblem(
  values: unknown,
  allowed: readonly string[],
  path: string,
  what: string,
): RequestRefusal | undefined {
  if (!Array.isArray(values) || values.length === 0) {
    return refusal(`request.${what}-required`, path, `${path} must name at least one ${what}`);
  }
  const bad = values.findIndex((value) => typeof value !== 'string' || !allowed.includes(value));
  if (bad >= 0) {
    return refusal(`request.${what}-unknown`, `${path}[${bad}]`, `${path}[${bad}] is not a known ${what}`);
  }
  return undefined;
}

/** What the action carries, checked; undefined when it is complete. */
function payloadProblem(input: TransitionAction): RequestRefusal | undefined {
  switch (input.action) {
    case 'verify':
      return (VERIFIED_BY as readonly string[]).includes(input.method)
        ? undefined
        : refusal(
            'request.verification-method-unknown',
            'method',
            'method is not a known verification method',
          );
    case 'clarify':
      return textProblem(input.question, 'question', true);
    case 'extend':
      return (
        listProblem(input.reasons, EXTENSION_REASONS, 'reasons', 'extension-reason') ??
        textProblem(input.note, 'note', false)
      );
    case 'deny':
      return (
        listProblem(input.grounds, DENIAL_GROUNDS, 'grounds', 'denial-ground') ??
        textProblem(input.complaintRoute, 'complaintRoute', true) ??
        textProblem(input.explanation, 'explanation', false)
      );
    case 'complete':
      return textProblem(input.note, 'note', false);
    default:
      return undefined;
  }
}

function target(snapshot: WorkflowSnapshot, input: TransitionAction): RequestState {
  switch (input.action) {
    case 'start-verification':
      return 'verifying';
    case 'verify':
      return 'verified';
    case 'clarify':
      return 'needs-clarification';
    case 'resume':
      return snapshot.pausedFrom ?? 'received';
    case 'start':
      return 'in-progress';
    case 'extend':
      return 'extended';
    case 'deny':
      return 'denied';
    case 'complete':
      return 'completed';
  }
}

/**
 * Decides one step of a request's life, writing nothing. Refusals: `request.transition-not-allowed`
 * (path `state`) when the workflow forbids the step, `request.already-extended` for a second
 * extension, `request.not-paused` for a resume of a request that is not waiting for clarification,
 * and payload problems naming the field (a denial needs grounds and the complaint route, an
 * extension needs reasons, a clarification needs its question).
 */
export function transition(snapshot: WorkflowSnapshot, input: TransitionAction): TransitionResult {
  const problem = payloadProblem(input);
  if (problem) return problem;
  const from = snapshot.state;
  if (input.action === 'resume' && from !== 'needs-clarification') {
    return refusal('request.not-paused', 'state', `a request in ${from} is not waiting for clarification`);
  }
  if (input.action === 'extend' && snapshot.extended) {
    return refusal('request.already-extended', 'state', 'the deadline of this request was already extended');
  }
  const to = target(snapshot, input);
  if (!canTransition(from, to)) {
    return refusal('request.transition-not-allowed', 'state', `a request in ${from} cannot become ${to}`);
  }
  const pausedFrom = to === 'needs-clarification' ? from : null;
  return { ok: true, from, to, pausedFrom };
}
