import { z } from 'zod';
import { Id, LocalText } from './common.js';

/** Mechanisms that legitimise a transfer abroad. */
export const TransferMechanism = z.enum([
  'adequacy',
  'scc',
  'bcr',
  'consent',
  'separate-consent',
  'pipl-standard-contract',
  'pipl-security-assessment',
  'pipl-certification',
  'contract-necessity',
  'anonymised',
  'legal-requirement',
]);
export type TransferMechanism = z.infer<typeof TransferMechanism>;

/** A rule that keeps data inside a region. */
export const Localisation = z
  .object({
    region: z.string().length(2).describe('ISO 3166-1 alpha-2 region the data must stay in.'),
    scope: LocalText.describe('Whose data, e.g. "personal information collected in mainland China".'),
    categories: z.array(Id).default([]).describe('Empty: all categories.'),
    exceptions: z.array(LocalText).default([]),
  })
  .strict();
export type Localisation = z.infer<typeof Localisation>;

/** A declared transfer of personal data to another country. */
export const Transfer = z
  .object({
    id: Id,
    from: z.string().length(2).optional(),
    to: z.string().length(2).describe('Destination country (ISO 3166-1 alpha-2), or XX for unspecified.'),
    recipients: z.array(Id).default([]),
    categories: z.array(Id).default([]).describe('Empty: any category.'),
    mechanisms: z.array(TransferMechanism).min(1),
    description: LocalText.optional(),
  })
  .strict();
export type Transfer = z.infer<typeof Transfer>;

/** Storage and cross-border section. */
export const Transfers = z
  .object({
    storage: z.array(z.string().length(2)).default([]).describe('Countries where data is stored.'),
    localisation: z.array(Localisation).default([]),
    transfers: z.array(Transfer).default([]),
  })
  .strict();
export type Transfers = z.infer<typeof Transfers>;
