import { formatPath } from '@pledge/core';
import type { ConsentEventBody } from '@pledge/protocol';

/** Earliest `occurredAt` accepted: no digital consent predates it. */
export const EARLIEST_EVENT = Date.UTC(1970, 0, 1);
/** How far ahead of this process's clock an `occurredAt` may be (clock skew). */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;

/** An input the engine refuses, as a value: a stable code, the path of the field, why. */
export interface EngineRefusal<Code extends string = string> {
  ok: false;
  code: Code;
  path: string;
  message: string;
}

/**
 * The first event whose `occurredAt` lies outside 1970-01-01 .. now + five minutes, as a
 * refusal with its path (`events[<i>].occurredAt`). Events apply in time order, so a consent
 * dated in the future would outrank every withdrawal recorded before that date.
 */
export function eventTimeRefusal(
  events: readonly Pick<ConsentEventBody, 'occurredAt'>[],
  now: number = Date.now(),
): EngineRefusal<'event.time-out-of-window'> | undefined {
  const latest = now + FUTURE_SKEW_MS;
  for (const [i, event] of events.entries()) {
    if (event.occurredAt === undefined) continue;
    const time = Date.parse(event.occurredAt);
    if (time >= EARLIEST_EVENT && time <= latest) continue;
    return {
      ok: false,
      code: 'event.time-out-of-window',
      path: formatPath(['events', i, 'occurredAt']),
      message: 'must be between 1970-01-01 and five minutes from now',
    };
  }
  return undefined;
}
