import { z } from 'zod';
import { Duration, LocalText } from './common.js';

/** Contents a breach notice can carry. */
export const BreachContent = z.enum([
  'nature',
  'categories',
  'approximate-subjects',
  'likely-consequences',
  'measures-taken',
  'measures-for-subjects',
  'contact-point',
  'time',
  'remedies',
]);

/** Breach notification settings. */
export const Breach = z
  .object({
    notifySubjects: z
      .boolean()
      .optional()
      .describe('Affected subjects are told. Omitted: the policy says nothing; Pledge plans to tell them.'),
    channels: z
      .array(z.enum(['email', 'sms', 'push', 'letter', 'phone', 'public-notice', 'in-app']))
      .default([]),
    publicNoticeFallback: z
      .boolean()
      .default(false)
      .describe('Publish a notice when subjects cannot be reached one by one.'),
    contents: z.array(BreachContent).default([]),
    notifyAuthority: z
      .boolean()
      .optional()
      .describe('The authority is told. Omitted: the policy says nothing; Pledge plans to tell it.'),
    notifyGuardians: z.boolean().default(false).describe('Also notify guardians of affected minors.'),
    subjectDeadline: Duration.optional().describe(
      'Policy deadline for telling subjects; omitted: the law default.',
    ),
    note: LocalText.optional(),
  })
  .strict();
export type Breach = z.infer<typeof Breach>;
