import { ContractKind, DISCLOSURE_BASES, INSPECTION_KINDS, INSPECTION_OUTCOMES } from '@pledge/core';
import { z } from 'zod';
import { StorableId, storableText } from '../text/storable-text.js';
import { SubjectFactsBody } from './requests.js';

/** A calendar day, `YYYY-MM-DD`, that exists. */
export const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((day) => {
    const parsed = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day);
  }, 'must be a calendar date that exists');

/**
 * `POST /v1/disclosures`: may these categories of this subject go to this recipient for this
 * purpose? A disclosure compelled by law (`basis: legal-obligation`) needs its legal reference.
 */
export const DisclosureBody = z
  .object({
    subject: storableText(z.string().min(1).max(512)).describe(
      'Your identifier for the subject; the log keeps only a keyed hash.',
    ),
    recipient: StorableId,
    purpose: StorableId,
    categories: z.array(StorableId).min(1).max(200),
    basis: z.enum(DISCLOSURE_BASES).default('consent'),
    legalReference: storableText(z.string().min(1).max(300))
      .optional()
      .describe('The law, order or request compelling the disclosure (basis legal-obligation).'),
    facts: SubjectFactsBody.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.basis === 'legal-obligation' && body.legalReference === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['legalReference'],
        message: 'is required when basis is legal-obligation (name the law or order compelling it)',
      });
    }
  });
export type DisclosureBody = z.input<typeof DisclosureBody>;

/** The answer of an allowed disclosure (a refusal is a 403 `disclosure-refused`). */
export const DisclosureAllowedResponse = z.object({
  allowed: z.literal(true),
  /** The disclosure log entry. */
  id: z.string(),
  basis: z.enum(DISCLOSURE_BASES),
});

/** A contract's facts, as the register lists them. */
export const ContractJson = z.object({
  id: z.string(),
  kind: z.string(),
  signedOn: z.string(),
  expiresOn: z.string().optional(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  valid: z.boolean().describe('Signed and not expired today.'),
});

/** One recipient in the register. */
export const RegisterEntryJson = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  purposes: z.array(z.string()),
  categories: z.array(z.string()),
  requirements: z.array(
    z.object({
      anyOf: z.array(ContractKind),
      rule: z.string(),
      satisfied: z.boolean(),
    }),
  ),
  contracts: z.array(ContractJson),
  inspections: z.array(
    z.object({
      kind: z.enum(INSPECTION_KINDS),
      outcome: z.enum(INSPECTION_OUTCOMES),
      performedOn: z.string(),
    }),
  ),
  engagement: z.object({ startedOn: z.string().optional(), endedOn: z.string().optional() }),
  flags: z.array(z.string()).describe('What the register finds missing (codes).'),
});

/** `GET /v1/recipients`. */
export const RegisterResponse = z.object({ recipients: z.array(RegisterEntryJson) });
