import type { Manifest } from '@pledge/core';
import { type AppendOptions, recordDeregistration, resolveSubjectKey, type Store } from '@pledge/store';
import { ledgerSubjects } from '../exec/forget.js';
import type { DsrQueue, RequestState } from '../jobs/queue.js';
import type { CreateResult } from '../jobs/requests.js';
import type { IdentityValues, Plan } from '../plan/types.js';

/** Why an account was not deregistered: one list, each a stable code. */
export const DEREGISTRATION_REFUSALS = [
  /** No row of any datastore matched the identity: there is no account to close. */
  'deregistration.no-account',
  /** The identity matched several accounts; confirm their count (`confirmRoots`) and run again. */
  'deregistration.needs-review',
  /** The erasure did not finish (a datastore failed, or fields were left); run it again. */
  'deregistration.erasure-incomplete',
  /** The erasure request could not be planned (its issues say why). */
  'deregistration.invalid',
] as const;
/** One of {@link DEREGISTRATION_REFUSALS}. */
export type DeregistrationRefusal = (typeof DEREGISTRATION_REFUSALS)[number];

/** Outcome of {@link deregister} and {@link completeDeregistration}. */
export type DeregistrationOutcome =
  | {
      ok: true;
      requestId: string;
      state: RequestState;
      /** Tombstones written, one per identifier the subject was known by. */
      tombstones: number;
    }
  | {
      ok: false;
      code: DeregistrationRefusal;
      message: string;
      requestId?: string;
      state?: RequestState;
      issues?: Extract<CreateResult, { ok: false }>['issues'];
    };

/** What {@link completeDeregistration} needs besides the request. */
export interface DeregistrationContext {
  manifest: Manifest;
  identity: IdentityValues;
  /** Who deregistered (an operator, a key id, `cli`), recorded in the tombstone. */
  actor: string;
  /** The store's subject key; default the one the store resolves. */
  subjectKey?: string;
}

/**
 * Ends a deregistration once its erasure request's run ended: a completed erasure gets a
 * tombstone per identifier the subject is recorded under in the ledger (the request's identity
 * values and the keys it located in identity-keyed collections), written with the unlinking in
 * one transaction. Any other end writes nothing and says why with a stable code.
 */
export async function completeDeregistration(
  store: Store,
  queue: DsrQueue,
  state: RequestState,
  context: DeregistrationContext,
  options: AppendOptions = {},
): Promise<DeregistrationOutcome> {
  const refuse = (code: DeregistrationRefusal, message: string): DeregistrationOutcome => ({
    ok: false,
    code,
    message,
    requestId: state.id,
    state,
  });
  if (state.status === 'no-data-found')
    return refuse('deregistration.no-account', 'no account matched the identity; nothing was deregistered');
  if (state.status === 'needs-review')
    return refuse(
      'deregistration.needs-review',
      `the identity matched ${state.rootsMatched ?? 'several'} accounts; confirm the count to deregister them`,
    );
  if (state.status !== 'completed')
    return refuse(
      'deregistration.erasure-incomplete',
      `the erasure ended ${state.status}; the account stays registered until it completes`,
    );
  const request = await queue.db
    .selectFrom('pledge_dsr_requests')
    .select('plan')
    .where('id', '=', state.id)
    .executeTakeFirstOrThrow();
  const steps = await queue.db
    .selectFrom('pledge_dsr_steps')
    .select(['step_index', 'located_keys'])
    .where('request_id', '=', state.id)
    .execute();
  const located = new Map(steps.map((s) => [s.step_index, s.located_keys]));
  const identifiers = ledgerSubjects(context.manifest, request.plan as Plan, context.identity, (i) =>
    located.get(i),
  );
  const key = context.subjectKey ?? (await resolveSubjectKey(store));
  const recorded = await recordDeregistration(
    store.db,
    key,
    identifiers,
    { actor: context.actor, requestId: state.id },
    options,
  );
  return { ok: true, requestId: state.id, state, tombstones: recorded.tombstones.length };
}

/** Options of {@link deregister}. */
export interface DeregisterOptions extends AppendOptions {
  /** The number of accounts the identity is confirmed to match, when more than one. */
  confirmRoots?: number;
  batchSize?: number;
  /** Where the request came from (cli, api, console). */
  source?: string;
  /** How long to wait for the erasure; default two minutes. */
  timeoutMs?: number;
}

/**
 * Deregisters an account for good: runs the erasure of the subject across every datastore
 * through the DSR engine (a worker on the queue must be running), which deletes the link from
 * the person to their ledger pseudonym, then writes the tombstones ({@link completeDeregistration}).
 * Irreversible: a restore of the old link is refused, and signing up again gets a new,
 * unlinked pseudonym.
 *
 * @example
 * const done = await deregister(store, queue, { manifest, identity: { email: ['a@example.com'] }, actor: 'cli' });
 */
export async function deregister(
  store: Store,
  queue: DsrQueue,
  context: DeregistrationContext,
  options: DeregisterOptions = {},
): Promise<DeregistrationOutcome> {
  const created = await queue.submit({
    manifest: context.manifest,
    kind: 'erase',
    identity: context.identity,
    source: options.source ?? 'api',
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.confirmRoots !== undefined ? { confirmRoots: options.confirmRoots } : {}),
  });
  if (!created.ok) {
    return {
      ok: false,
      code: 'deregistration.invalid',
      message: 'the erasure request cannot run',
      issues: created.issues,
    };
  }
  const state = await queue.wait(created.id, { timeoutMs: options.timeoutMs ?? 120_000 });
  return completeDeregistration(store, queue, state, context, options.now ? { now: options.now } : {});
}
