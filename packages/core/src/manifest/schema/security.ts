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
    measures: z.array(LocalText).default([]),
  })
  .strict();
export type Security = z.infer<typeof Security>;
