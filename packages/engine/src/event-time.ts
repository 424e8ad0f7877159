import { formatPath } from '@pledge/core';
import {
  type ConsentEventBody,
  EARLIEST_EVENT,
  EVENT_TIME_WINDOW_MESSAGE,
  FUTURE_SKEW_MS,
  inEventTimeWindow,
} from '@pledge/protocol';

export { EARLIEST_EVENT, FUTURE_SKEW_MS };

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
  for (const [i, event] of events.entries()) {
    if (event.occurredAt === undefined || inEventTimeWindow(event.occurredAt, now)) continue;
    return {
      ok: false,
      code: 'event.time-out-of-window',
      path: formatPath(['events', i, 'occurredAt']),
      message: EVENT_TIME_WINDOW_MESSAGE,
    };
  }
  return undefined;
}
