import { z } from 'zod';
import { Duration, JurisdictionKey, Language, LocalText } from './common.js';

/** Policy metadata and versioning. */
export const PolicyMeta = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and "-"'),
    title: LocalText,
    version: z.string().min(1).describe('Version label, e.g. 2022-01-20 or 1.4.0.'),
    lastUpdated: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
      .optional(),
    effectiveDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
      .optional(),
    languages: z.array(Language).min(1).default(['en']),
    defaultLanguage: Language.default('en'),
    jurisdictions: z.array(JurisdictionKey).min(1).describe('Jurisdictions whose law the policy addresses.'),
    services: z.array(LocalText).default([]).describe('Products and sites the policy covers.'),
    useMeansAcceptance: z
      .enum(['no', 'any-use', 'use-without-objection', 'continued-use-after-change'])
      .default('no')
      .describe('Whether, and which, use of the service is recorded as acceptance of the policy.'),
    changes: z
      .object({
        advanceNotice: z
          .union([Duration, z.literal('none')])
          .optional()
          .describe(
            'Notice before a material change takes effect, or none (changes take effect when published). Omitted: the policy says nothing.',
          ),
        channels: z.array(z.enum(['email', 'site-notice', 'in-app', 'push', 'sms'])).default([]),
        reviewEvery: Duration.optional(),
        noRightsReductionWithoutConsent: z.boolean().default(false),
      })
      .strict()
      .default({ channels: [], noRightsReductionWithoutConsent: false }),
  })
  .strict();
export type PolicyMeta = z.infer<typeof PolicyMeta>;
