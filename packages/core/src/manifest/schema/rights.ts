import { z } from 'zod';
import { Duration, Id, JurisdictionKey, LocalText } from './common.js';

/** Data-subject rights Pledge knows. */
export const RightKind = z.enum([
  'access',
  'rectification',
  'erasure',
  'portability',
  'restriction',
  'objection',
  'withdraw-consent',
  'opt-out-sale',
  'limit-sensitive',
  'automated-decision',
  'explanation',
  'account-deletion',
  'complaint',
  'know',
]);
export type RightKind = z.infer<typeof RightKind>;

/** When a deadline clock starts. */
export const ClockStart = z.enum(['receipt', 'verification', 'later-of-receipt-and-verification']);

/** A response deadline. */
export const Deadline = Duration.extend({
  clockStart: ClockStart.optional().describe(
    'When the clock starts. Omitted: the policy says nothing; Pledge counts from receipt.',
  ),
  kind: z
    .enum(['reply', 'completion'])
    .optional()
    .describe(
      'Whether the deadline is for a reply or for completing the request. Omitted: the policy says nothing; Pledge treats it as completion.',
    ),
  qualifier: LocalText.optional().describe('Hedge in the policy text, e.g. "under normal circumstances".'),
  extension: z
    .object({
      amount: z.number().int().positive().optional().describe('Omitted: the policy sets no limit.'),
      unit: Duration.shape.unit.optional(),
      when: LocalText.optional(),
    })
    .strict()
    .optional(),
}).strict();
export type Deadline = z.infer<typeof Deadline>;

/** Fees for handling a request. */
export const Fee = z
  .object({
    kind: z.enum(['free', 'free-first', 'reasonable-cost-when-repeated', 'unstated']),
    freeRequestsPerYear: z.number().int().nonnegative().optional(),
    note: LocalText.optional(),
  })
  .strict();
export type Fee = z.infer<typeof Fee>;

/** A right the policy grants, with how to use it. */
export const Right = z
  .object({
    right: RightKind,
    jurisdictions: z
      .array(JurisdictionKey)
      .default([])
      .describe('Where the right is granted; empty means everywhere the policy applies.'),
    channels: z.array(Id).default([]).describe('Ids of contact channels that accept the request.'),
    deadline: Deadline.optional().describe('Omitted: the policy states none (linted where a law sets one).'),
    fee: Fee.default({ kind: 'unstated' }),
    verification: z.enum(['none', 'signed-in', 'one-time-code', 'documents', 'unstated']).default('unstated'),
    form: z.enum(['any', 'written', 'in-app', 'unstated']).default('unstated'),
    conditions: z.array(LocalText).default([]),
    approval: z
      .enum(['none', 'officer'])
      .optional()
      .describe(
        'Whether an officer approves the plan of a verified request before Pledge carries it out (`officer`: the request waits in the console queue, showing the datasets it touches). Omitted: it runs once the requester is verified.',
      ),
  })
  .strict();
export type Right = z.infer<typeof Right>;
