import { z } from 'zod';
import { Id, LocalText } from './common.js';

/** A category of personal data the service processes. */
export const DataCategory = z
  .object({
    id: Id,
    taxonomy: z
      .string()
      .describe('Key of a built-in or manifest-defined taxonomy category, e.g. user.contact.email.'),
    name: LocalText,
    description: LocalText.optional(),
    examples: z.array(LocalText).default([]),
    source: z
      .enum(['voluntary', 'automatic', 'third-party', 'device-reported', 'derived'])
      .describe('How the data reaches the controller.'),
    subjects: z.array(z.string()).default(['customer']).describe('Data subject kinds (taxonomy keys).'),
    sensitive: z
      .boolean()
      .optional()
      .describe('Overrides the taxonomy sensitivity. Omitted: taken from the taxonomy.'),
    required: z
      .boolean()
      .optional()
      .describe('Needed for the core service; refusing blocks it. Omitted: the policy says nothing.'),
    refusalEffect: LocalText.optional().describe('What happens if the subject does not provide it.'),
  })
  .strict();
export type DataCategory = z.infer<typeof DataCategory>;

/** A manifest-defined taxonomy entry placed under a built-in parent. */
export const TaxonomyExtension = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, 'must be a dotted key such as user.device.serial_number'),
    parent: z.string().describe('Existing taxonomy key this entry refines.'),
    name: LocalText,
    sensitive: z.boolean().optional(),
  })
  .strict();
export type TaxonomyExtension = z.infer<typeof TaxonomyExtension>;
