import type { ConsentEventBody } from '@pledge/protocol';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';
import { principalOf } from './principal.js';

/**
 * A `preValidation` hook of the routes that record events: an event naming an `actor` other
 * than the key's is refused (403, nothing recorded), so `"actor":"officer"` in a body never
 * lifts a restriction; an `objection-lifted` event needs a key recording as `officer`. The route
 * then stamps every event with the key's actor.
 */
export async function refuseForeignActor(request: FastifyRequest): Promise<void> {
  const { actor } = principalOf(request);
  const events = (request.body as { events?: unknown } | undefined)?.events;
  if (!Array.isArray(events)) return;
  for (const [i, event] of events.entries()) {
    // Only an officer's assessment lifts an objection (P0-53): not an application's key.
    if ((event as { type?: unknown } | null)?.type === 'objection-lifted' && actor !== 'officer') {
      const message = "only a key recording as 'officer' may lift an objection (its assessment)";
      throw new HttpError(403, 'actor-not-allowed', `body events.${i}.type: ${message}`, [
        { path: `events.${i}.type`, code: 'actor-not-allowed', message },
      ]);
    }
    const named = (event as { actor?: unknown } | null)?.actor;
    if (named !== undefined && named !== actor) {
      const message = `the actor comes from the API key (this key records as '${actor}')`;
      throw new HttpError(403, 'actor-not-allowed', `body events.${i}.actor: ${message}`, [
        { path: `events.${i}.actor`, code: 'actor-not-allowed', message },
      ]);
    }
  }
}

/** The events with the key's actor, whatever the body said. */
export function withKeyActor<T extends Pick<ConsentEventBody, 'actor'>>(
  request: FastifyRequest,
  events: readonly T[],
): T[] {
  const { actor } = principalOf(request);
  return events.map((e) => ({ ...e, actor }));
}
