import { z } from 'zod';
import { Id, LocalText } from './common.js';

/** Contract types that can govern a disclosure. */
export const ContractKind = z.enum([
  'dpa',
  'scc',
  'uk-idta',
  'nda',
  'joint-controller',
  'pipl-standard-contract',
  'other',
]);
export type ContractKind = z.infer<typeof ContractKind>;

/** Someone personal data is disclosed to. */
export const Recipient = z
  .object({
    id: Id,
    name: LocalText,
    kind: z.enum(['processor', 'third-party', 'sdk', 'affiliate', 'authority']),
    company: LocalText.optional().describe('Legal entity behind the recipient or SDK.'),
    country: z.string().length(2).optional().describe('ISO 3166-1 alpha-2 country where it processes data.'),
    privacyUrl: z.string().optional().describe('Link to the recipient privacy policy.'),
    categories: z.array(Id).default([]).describe('Categories disclosed.'),
    purposes: z.array(Id).default([]).describe('Purposes the disclosure serves.'),
    declaresNoCollection: z
      .boolean()
      .default(false)
      .describe('The policy states this recipient collects no personal data.'),
    contracts: z
      .object({
        required: z.array(ContractKind).default([]),
        onFile: z.array(ContractKind).default([]),
      })
      .strict()
      .default({ required: [], onFile: [] }),
    consentRequired: z.boolean().default(false).describe('Disclosure only with the subject consent.'),
    description: LocalText.optional(),
  })
  .strict();
export type Recipient = z.infer<typeof Recipient>;
