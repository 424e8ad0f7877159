import { z } from 'zod';
import { Duration, LocalText } from './common.js';

/** Security and governance commitments. */
export const Security = z
  .object({
    encryptionInTransit: z.boolean().default(false),
    encryptionAtRest: z.boolean().default(false),
    accessLogging: z.boolean().default(false).describe('Every access to personal data is logged.'),
    accessReviewEvery: Duration.optional().describe('How often access logs are reviewed.'),
    staffTraining: z.boolean().default(false),
    personalDataAccessCap: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .optional()
      .describe(
        'The most console users that may hold a role reading personal data (privacy officer, support agent, owner) at once; granting one more is refused. Omitted: no cap is promised.',
      ),
    measures: z.array(LocalText).default([]),
  })
  .strict();
export type Security = z.infer<typeof Security>;
