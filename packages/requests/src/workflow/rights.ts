import type { RightKind } from '@pledge/core';

/**
 * The rights a person can ask for through Pledge, in the order the privacy center lists them.
 * `withdrawal` is of consent; `opt-out-sale-share` stops sale and sharing; `automated-decision-review`
 * asks for an explanation of an automated decision and a human review of it.
 */
export const REQUEST_RIGHTS = [
  'access',
  'portability',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'withdrawal',
  'opt-out-sale-share',
  'automated-decision-review',
  'deregistration',
] as const;

/** One of {@link REQUEST_RIGHTS}. */
export type RequestRight = (typeof REQUEST_RIGHTS)[number];

/** The manifest's and the jurisdiction data's names for each right (`rights[].right`, `Jurisdiction.rights`). */
export const RIGHT_KINDS: Readonly<Record<RequestRight, readonly RightKind[]>> = {
  access: ['access', 'know'],
  portability: ['portability'],
  rectification: ['rectification'],
  erasure: ['erasure'],
  restriction: ['restriction'],
  objection: ['objection'],
  withdrawal: ['withdraw-consent'],
  'opt-out-sale-share': ['opt-out-sale'],
  'automated-decision-review': ['automated-decision', 'explanation'],
  deregistration: ['account-deletion'],
};

/** Whether `value` is one of {@link REQUEST_RIGHTS}. */
export function isRequestRight(value: unknown): value is RequestRight {
  return typeof value === 'string' && (REQUEST_RIGHTS as readonly string[]).includes(value);
}

/**
 * The DSR engine's request kind that carries out a right, or undefined when the right is
 * handled outside the datastores (consent ledger, officer review, deregistration flow).
 */
export function dsrKindOf(right: RequestRight): 'access' | 'erase' | 'rectify' | 'restrict' | undefined {
  switch (right) {
    case 'access':
    case 'portability':
      return 'access';
    case 'erasure':
      return 'erase';
    case 'rectification':
      return 'rectify';
    case 'restriction':
      return 'restrict';
    default:
      return undefined;
  }
}
