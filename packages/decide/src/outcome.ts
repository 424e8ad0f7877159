import type { LegalBasis } from '@pledge/core';
import type { ReasonCode } from './reasons.js';

/** Something the caller must do when it goes ahead with an allowed request. */
export type Obligation =
  /** Log the access (the policy promises access logging, or a sensitive category is used). */
  | { readonly kind: 'log-access' }
  /** Mask these sensitive categories wherever the purpose does not need them in clear (displays, logs, exports). */
  | { readonly kind: 'mask-fields'; readonly categories: readonly string[] }
  /** Record the disclosure to this recipient in the disclosure log. */
  | { readonly kind: 'record-disclosure'; readonly recipient: string }
  /** Record the transfer abroad under this declared transfer. */
  | { readonly kind: 'record-transfer'; readonly transfer: string; readonly country: string }
  /** The subject is a minor the policy asks to act under a guardian's guidance: tell them so. */
  | { readonly kind: 'guardian-guidance' };

/**
 * The answer to "may this purpose use these categories of this subject?". A plain frozen
 * value; identical outcomes may share one instance, so never mutate it.
 */
export interface Decision {
  readonly allowed: boolean;
  /** Legal basis of the purpose in the subject's jurisdiction; undefined when the purpose is unknown. */
  readonly legalBasis: LegalBasis | undefined;
  /** Why: `ok.*` codes when allowed, every failing `deny.*` rule when denied (in `DENY_REASONS` order). */
  readonly reasons: readonly ReasonCode[];
  readonly obligations: readonly Obligation[];
}
