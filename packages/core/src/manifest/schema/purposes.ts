import { z } from 'zod';
import { ConsentMode, Id, LegalBasis, LocalText, perJurisdiction } from './common.js';

/** A purpose of processing. */
export const Purpose = z
  .object({
    id: Id,
    taxonomy: z.string().describe('Key of a built-in or manifest-defined purpose, e.g. marketing.email.'),
    name: LocalText,
    description: LocalText.optional(),
    categories: z.array(Id).min(1).describe('Ids of the data categories the purpose uses.'),
    legalBasis: perJurisdiction(LegalBasis).describe(
      'Legal basis: one value, or { default, eu-gdpr, cn-pipl, ... } per jurisdiction.',
    ),
    consent: perJurisdiction(ConsentMode).describe('Consent mode required: one value, or per jurisdiction.'),
    optional: z
      .boolean()
      .default(false)
      .describe('The subject may refuse it and keep using the core service.'),
    automatedDecisions: z
      .boolean()
      .default(false)
      .describe('Involves automated decision-making with significant effects.'),
    sale: z
      .boolean()
      .optional()
      .describe(
        'Sells or shares personal information (CCPA/CPRA sense). Omitted: the policy says nothing; Pledge treats it as no sale.',
      ),
    targetedAdvertising: z
      .boolean()
      .optional()
      .describe('Used for targeted advertising. Omitted: the policy says nothing; Pledge treats it as not.'),
    refusalEffect: LocalText.optional(),
  })
  .strict();
export type Purpose = z.infer<typeof Purpose>;
