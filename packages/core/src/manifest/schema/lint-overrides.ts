import { z } from 'zod';

/**
 * Lint errors the operator accepts for publishing: a manifest with lint errors is published
 * only when each error is covered by one of these, and the findings accepted are stored with
 * the version (see docs/publishing.md).
 */
export const LintOverride = z
  .object({
    rule: z
      .string()
      .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be a lint rule code, e.g. ref.unknown-purpose')
      .describe('Code of the lint rule whose errors are accepted, e.g. ref.unknown-purpose.'),
    paths: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'Manifest paths of the accepted findings, exactly as `pledge lint` prints them (e.g. recipients[1].purposes[1]). Omitted: every finding of the rule, wherever it is.',
      ),
    reason: z
      .string()
      .trim()
      .min(1, 'must say why the fault is accepted')
      .describe('Why publishing with this fault is acceptable; stored with every version it covers.'),
  })
  .strict()
  .describe('Errors of one lint rule accepted for publishing, with the reason.');
export type LintOverride = z.infer<typeof LintOverride>;
