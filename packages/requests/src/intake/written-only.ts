import { getJurisdiction, type JurisdictionKey, type Manifest } from '@pledge/core';
import { type RequestRight, RIGHT_KINDS } from '../workflow/rights.js';
import { type RequestRefusal, refusal } from '../workflow/transition.js';
import type { RequestChannel } from './channels.js';

/** Channels through which a request is made orally; every other channel is in writing. */
export const ORAL_CHANNELS: readonly RequestChannel[] = ['officer-call'];

/**
 * Refuses an oral request where the policy says requests for this right must be in writing
 * (`rights[].form: written`, for the requester's jurisdiction; with none known, every entry
 * binds, as for deadlines) and the requester's law does not recognise oral requests
 * (`oralRequests` of the jurisdiction data: GDPR, UK GDPR, CCPA do). A policy silent on the
 * form (`unstated`) restricts nothing. Refusal `request.written-only`, path `channel`.
 */
export function writtenOnlyRefusal(input: {
  right: RequestRight;
  channel: RequestChannel;
  jurisdiction?: JurisdictionKey | undefined;
  manifest?: Manifest | undefined;
}): RequestRefusal | undefined {
  const { right, channel, jurisdiction, manifest } = input;
  if (!manifest || !ORAL_CHANNELS.includes(channel)) return undefined;
  if (jurisdiction && getJurisdiction(jurisdiction)?.oralRequests?.value === true) return undefined;
  const kinds: readonly string[] = RIGHT_KINDS[right];
  const written = manifest.rights.some(
    (entry) =>
      entry.form === 'written' &&
      kinds.includes(entry.right) &&
      (!jurisdiction || entry.jurisdictions.length === 0 || entry.jurisdictions.includes(jurisdiction)),
  );
  if (!written) return undefined;
  return refusal(
    'request.written-only',
    'channel',
    `the policy accepts ${right} requests in writing only, and the requester's law does not recognise oral requests`,
  );
}
