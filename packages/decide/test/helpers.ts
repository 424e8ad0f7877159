import type { JurisdictionKey } from '@pledge/core';
import { compilePolicy } from '../src/compile.js';
import { decide } from '../src/decide.js';
import type { Decision } from '../src/outcome.js';
import type { CompiledPolicy } from '../src/policy.js';
import {
  type SubjectEvent,
  type SubjectEventOptions,
  subjectStateFromEvents,
} from '../src/subject-events.js';
import { shopManifest } from './fixture.js';

/** The compiled shop policy (compiled once; policies are immutable). */
export const shop: CompiledPolicy = compilePolicy(shopManifest());

/** An ISO time `seconds` after a fixed start, so event order is explicit. */
export function t(seconds: number): string {
  return new Date(Date.UTC(2025, 0, 1) + seconds * 1000).toISOString();
}

/** Shorthand for an event at second `seconds`. */
export function ev(
  type: SubjectEvent['type'],
  seconds: number,
  extra: Partial<SubjectEvent> = {},
): SubjectEvent {
  return { type, at: t(seconds), ...extra };
}

/** Decides `purpose` on `categories` for a subject built from `events`. */
export function ask(
  purpose: string,
  categories: string[],
  events: SubjectEvent[] = [],
  options: SubjectEventOptions & {
    recipient?: string;
    destinationCountry?: string;
    in?: JurisdictionKey;
  } = {},
  policy: CompiledPolicy = shop,
): Decision {
  const subject = subjectStateFromEvents(policy, events, options);
  return decide(
    policy,
    {
      purpose,
      categories,
      recipient: options.recipient,
      destinationCountry: options.destinationCountry,
      jurisdiction: options.in,
    },
    subject,
  );
}
