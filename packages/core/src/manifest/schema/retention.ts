import { z } from 'zod';
import { Duration, Id, LocalText } from './common.js';

/** A reason to keep data past its retention. */
export const LegalHold = z
  .object({
    id: Id,
    reason: LocalText,
    categories: z.array(Id).default([]),
    duration: Duration.optional().describe('How long the hold lasts; omitted: until released.'),
  })
  .strict();
export type LegalHold = z.infer<typeof LegalHold>;

/** What happens to data at the end of its retention. */
export const RetentionAction = z.enum(['delete', 'anonymise', 'restrict']);
export type RetentionAction = z.infer<typeof RetentionAction>;

/** How long data is kept and what happens then. */
export const RetentionRule = z
  .object({
    id: Id,
    categories: z.array(Id).min(1),
    duration: Duration.optional().describe(
      'How long after the anchor data is kept. Omitted: linted as missing.',
    ),
    anchor: z
      .string()
      .default('collected')
      .describe(
        'What the clock starts from: collected, last-activity, account-closed, purpose-fulfilled, contract-ended, or a dataset field (dataset.collection.field).',
      ),
    action: z
      .union([RetentionAction, z.array(RetentionAction).min(1)])
      .optional()
      .describe(
        'What happens at the end: one action, or several the controller chooses between (delete or anonymise). Omitted: the policy says nothing; Pledge deletes.',
      ),
    criteria: z
      .array(LocalText)
      .default([])
      .describe('Criteria the policy gives instead of, or besides, a number.'),
    legalHolds: z.array(Id).default([]).describe('Ids of legal holds that can suspend this rule.'),
    backups: z
      .enum(['purge-next-cycle', 'crypto-shred', 'expire-with-backup', 'unstated'])
      .default('unstated')
      .describe('What happens to copies in backups.'),
  })
  .strict();
export type RetentionRule = z.infer<typeof RetentionRule>;

/** Retention section. */
export const Retention = z
  .object({
    rules: z.array(RetentionRule).default([]),
    legalHolds: z.array(LegalHold).default([]),
    onCessation: z
      .enum(['delete', 'anonymise', 'unstated'])
      .default('unstated')
      .describe('What happens to personal data when the service stops operating.'),
    cessationNotice: z.boolean().default(false).describe('Subjects are told when the service stops.'),
  })
  .strict();
export type Retention = z.infer<typeof Retention>;
