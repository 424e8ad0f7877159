import type { DsrQueue } from '@pledge/dsr';
import type { Notifier } from '@pledge/notify';
import { listRequests, type RequestActor } from '@pledge/requests';
import type { FastifyBaseLogger } from 'fastify';
import type { Runtime } from '../runtime.js';
import { followRequest, noticeMissed, startRequest, type TurnOutcome } from './carry-out.js';

/** Who the runner's steps name in a request's history. */
export const RUNNER_ACTOR: RequestActor = { kind: 'system', id: 'request-runner' };

/** Default time between two passes of the runner, ms (PLEDGE_REQUEST_POLL_MS). */
export const DEFAULT_REQUEST_POLL_MS = 5000;

/** How soon the runner looks again while a DSR job it follows runs, ms. */
const FOLLOW_UP_MS = 500;

/** How far back a missed recipient notice is still sent. */
const NOTICE_LOOKBACK_MS = 30 * 86_400_000;

/** Options of {@link startRequestRunner}. */
export interface RequestRunnerOptions {
  readonly rt: Runtime;
  readonly queue: DsrQueue;
  readonly notifier: Notifier;
  readonly log: FastifyBaseLogger;
  /** Time between passes, ms; default {@link DEFAULT_REQUEST_POLL_MS}. */
  readonly pollMs?: number;
}

/** A running request runner. */
export interface RequestRunner {
  /** Runs a pass soon (after a verification or an approval), instead of at the next poll. */
  kick(): void;
  /** Runs a pass now (after the one in progress, if any); resolves with what each request did. */
  pass(): Promise<Map<string, TurnOutcome>>;
  /** Stops polling and waits for the pass in progress. */
  stop(): Promise<void>;
}

/**
 * Carries out verified requests: every pass starts each verified request the server can carry
 * out (see {@link startRequest}) and follows each in progress to its end ({@link followRequest}).
 * Passes never overlap in a process; every step is recorded in the database before the next,
 * so a pass after a restart continues where the last one stopped, and a request never runs
 * twice (its DSR job has the request's id). A failing request is logged by id and does not stop
 * the others.
 */
export function startRequestRunner(options: RequestRunnerOptions): RequestRunner {
  const { rt, queue, notifier, log } = options;
  const ctx = { rt, queue, notifier, actor: RUNNER_ACTOR };
  const pollMs = options.pollMs ?? DEFAULT_REQUEST_POLL_MS;
  let followUp: NodeJS.Timeout | undefined;
  let current: Promise<Map<string, TurnOutcome>> | undefined;
  let stopped = false;

  const once = async (): Promise<Map<string, TurnOutcome>> => {
    const outcomes = new Map<string, TurnOutcome>();
    const requests = await listRequests(rt.store.db, {
      states: ['verified', 'extended', 'in-progress'],
      limit: 500,
    });
    for (const request of requests) {
      if (stopped) break;
      try {
        const outcome =
          request.dsrRequestId === null
            ? request.state === 'in-progress'
              ? 'skipped'
              : await startRequest(ctx, request)
            : await followRequest(ctx, request);
        outcomes.set(request.id, outcome);
        if (outcome === 'started' || outcome === 'completed' || outcome === 'stopped')
          log.info({ request: request.id, right: request.right, outcome }, 'request runner');
      } catch (error) {
        log.error({ request: request.id, err: error }, 'request runner: carrying out the request failed');
      }
    }
    if (!stopped) await noticeMissed(ctx, new Date(Date.now() - NOTICE_LOOKBACK_MS));
    // A DSR job in flight: look again soon, so its request completes without waiting a full poll.
    const inFlight = [...outcomes.values()].some((o) => o === 'started' || o === 'running');
    if (inFlight && !stopped) {
      clearTimeout(followUp);
      followUp = setTimeout(run, Math.min(FOLLOW_UP_MS, pollMs));
      followUp.unref();
    }
    return outcomes;
  };

  let next: Promise<Map<string, TurnOutcome>> | undefined;
  // One pass at a time; asked during a pass, one more pass follows it (however often asked).
  const pass = (): Promise<Map<string, TurnOutcome>> => {
    if (!current) {
      current = once().finally(() => {
        current = undefined;
      });
      return current;
    }
    next ??= current
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return pass();
      });
    return next;
  };

  const run = () =>
    void pass().catch((error: unknown) => log.error({ err: error }, 'request runner: pass failed'));
  const timer = setInterval(run, pollMs);
  timer.unref();
  run();

  return {
    kick() {
      if (!stopped) setImmediate(run);
    },
    pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(followUp);
      await current?.catch(() => undefined);
    },
  };
}
