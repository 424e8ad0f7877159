import { z } from 'zod';
import { JURISDICTION_KEYS, LEGAL_BASES } from '../vocabulary.js';

/** Identifier used to cross-reference manifest entries: lower-case, digits, `.`, `-`, `_`. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "-" or "_"')
  .describe('Identifier referenced elsewhere in the manifest.');

/** Languages Pledge renders policies in. */
export const Language = z.enum(['en', 'zh-CN']).describe('A language the policy is rendered in.');
export type Language = z.infer<typeof Language>;

/** Text given once, or per language (`{ en: ..., zh-CN: ... }`). */
export const LocalText = z
  .union([z.string(), z.object({ en: z.string().optional(), 'zh-CN': z.string().optional() }).strict()])
  .describe('Plain text, or an object with one text per language (en, zh-CN).');
export type LocalText = z.infer<typeof LocalText>;

/** Jurisdictions whose rules ship with Pledge as data. */
export const JurisdictionKey = z
  .enum(JURISDICTION_KEYS)
  .describe('A jurisdiction whose rules ship with Pledge.');
export type JurisdictionKey = z.infer<typeof JurisdictionKey>;

/** Units a duration or deadline can be counted in. */
export const DurationUnit = z
  .enum(['hours', 'days', 'working-days', 'business-days', 'weeks', 'months', 'years'])
  .describe(
    'days = calendar days; business-days = Monday to Friday; working-days = official working days of the jurisdiction calendar (China: including adjusted weekend working days).',
  );
export type DurationUnit = z.infer<typeof DurationUnit>;

/** An amount of time. */
export const Duration = z
  .object({
    amount: z.number().int().positive().describe('How many units.'),
    unit: DurationUnit,
  })
  .strict()
  .describe('An amount of time, such as { amount: 15, unit: working-days }.');
export type Duration = z.infer<typeof Duration>;

/** Legal bases for processing across the supported laws. */
export const LegalBasis = z
  .enum(LEGAL_BASES)
  .describe('A legal basis for processing; which ones a jurisdiction accepts is part of its rules.');
export type LegalBasis = z.infer<typeof LegalBasis>;

/** How consent for a purpose is obtained. */
export const ConsentMode = z
  .enum(['none', 'implied', 'opt-in', 'separate', 'guardian', 'opt-out'])
  .describe(
    'none = not based on consent; implied = use of the service counts as acceptance; opt-in = explicit consent before processing; separate = a consent of its own, apart from any other (PIPL sensitive data, transfers, disclosure); guardian = a parent or guardian consents; opt-out = allowed until the subject objects (CCPA sale/share, marketing).',
  );
export type ConsentMode = z.infer<typeof ConsentMode>;

/** A value given as a default plus overrides per jurisdiction; a bare value is the default. */
export function perJurisdiction<T extends z.ZodType>(value: T) {
  const record = z
    .object({ default: value })
    .extend(
      Object.fromEntries(JurisdictionKey.options.map((key) => [key, value.optional()])) as Record<
        JurisdictionKey,
        z.ZodOptional<T>
      >,
    )
    .strict();
  return z
    .union([value, record])
    .transform((input) =>
      typeof input === 'object' && input !== null && 'default' in (input as object)
        ? (input as z.infer<typeof record>)
        : ({ default: input } as z.infer<typeof record>),
    );
}

/** A recorded operator decision where the seed policy is blank, vague or contradictory. */
export const OperatorChoice = z
  .object({
    path: z.string().describe('Manifest path the choice applies to, e.g. rights[0].deadline.'),
    seed: z.string().optional().describe('What the source policy says (or "blank").'),
    choice: z.string().describe('What this deployment does instead.'),
    reason: z.string().optional(),
  })
  .strict()
  .describe('A decision the operator made where the written policy is blank, vague or contradictory.');
export type OperatorChoice = z.infer<typeof OperatorChoice>;
