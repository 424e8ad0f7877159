import type { JurisdictionKey } from '@pledge/core';
import { jurisdictionSlot } from './codes.js';
import type { CompiledPolicy } from './policy.js';
import type { SubjectState } from './subject-state.js';

/** What became of a subject's Global Privacy Control signal, for a page to show. */
export interface GpcStatus {
  /** The subject's browser or device sent the signal (and did not switch it off). */
  readonly received: boolean;
  /**
   * The signal counts as an opt-out of sale, sharing and targeted advertising for this subject:
   * received, and the subject's law or the policy honours it (from the law's start date).
   */
  readonly honoured: boolean;
  /**
   * The page must show whether the signal was honoured, e.g. "Opt-Out Request Honored"
   * (California, 11 CCR §7025(c)(6), from 2026-01-01). Only when the signal was received.
   */
  readonly mustDisplay: boolean;
  /** The subject's jurisdiction the answer was given for; undefined when not known. */
  readonly jurisdiction: JurisdictionKey | undefined;
}

/**
 * Whether a subject's GPC signal was honoured and whether the page must say so: what a banner
 * or privacy center displays next to the opt-out choice. With no jurisdiction (given or known
 * from the subject), the answer is the strictest of the policy's laws, like `decide`.
 *
 * @example
 * const status = gpcStatus(policy, subject, 'us-ca-ccpa');
 * if (status.mustDisplay) banner.show(status.honoured ? 'Opt-Out Request Honored' : 'Opt-out signal not processed');
 */
export function gpcStatus(
  policy: CompiledPolicy,
  subject: SubjectState,
  jurisdiction?: JurisdictionKey,
): GpcStatus {
  const key = jurisdiction ?? subject.jurisdiction;
  const slot = Math.max(0, jurisdictionSlot(key));
  const received = subject.gpc === true;
  return Object.freeze({
    received,
    honoured: received && policy.jurisdiction.gpc[slot] === 1,
    mustDisplay: received && policy.jurisdiction.gpcDisplay[slot] === 1,
    jurisdiction: slot === 0 ? undefined : key,
  });
}
