import { z } from 'zod';
import { JurisdictionKey, LocalText } from './common.js';

/** One age rule. */
export const MinorRule = z
  .object({
    below: z.number().int().min(1).max(21).describe('Applies to subjects younger than this age.'),
    rule: z.enum(['barred', 'guardian-consent', 'guardian-guidance']),
    jurisdictions: z.array(JurisdictionKey).default([]).describe('Empty: everywhere.'),
    note: LocalText.optional(),
  })
  .strict();
export type MinorRule = z.infer<typeof MinorRule>;

/** Rules for children and minors. */
export const Minors = z
  .object({
    rules: z.array(MinorRule).default([]),
    ageVerification: z
      .enum(['none', 'self-declared', 'verified'])
      .optional()
      .describe('How age is checked. Omitted: the policy says nothing.'),
    onDiscovery: z
      .enum(['delete', 'seek-guardian-consent', 'unstated'])
      .default('unstated')
      .describe('What happens to data of a minor collected without the consent required.'),
    separatePolicy: z.boolean().default(false),
  })
  .strict();
export type Minors = z.infer<typeof Minors>;
