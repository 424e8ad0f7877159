import { z } from 'zod';
import { Breach } from './breach.js';
import { DataCategory, TaxonomyExtension } from './categories.js';
import { Id, LocalText, OperatorChoice } from './common.js';
import { Controller } from './controller.js';
import { Dataset } from './datasets.js';
import { Identities } from './identities.js';
import { LintOverride } from './lint-overrides.js';
import { Minors } from './minors.js';
import { PolicyMeta } from './policy.js';
import { Purpose } from './purposes.js';
import { Recipient } from './recipients.js';
import { Retention } from './retention.js';
import { Right } from './rights.js';
import { Security } from './security.js';
import { Permission, Signals, Tracker } from './trackers.js';
import { Transfers } from './transfers.js';

export * from './breach.js';
export * from './categories.js';
export * from './common.js';
export * from './controller.js';
export * from './datasets.js';
export * from './identities.js';
export * from './lint-overrides.js';
export * from './minors.js';
export * from './policy.js';
export * from './purposes.js';
export * from './recipients.js';
export * from './retention.js';
export * from './rights.js';
export * from './security.js';
export * from './trackers.js';
export * from './transfers.js';

/** The whole manifest: one per deployment, usually `pledge.yaml`. */
export const ManifestSchema = z
  .object({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editor completion.'),
    pledge: z.literal(1).describe('Manifest format version.'),
    policy: PolicyMeta,
    controller: Controller,
    taxonomy: z
      .object({
        categories: z.array(TaxonomyExtension).default([]),
        purposes: z.array(TaxonomyExtension).default([]),
      })
      .strict()
      .default({ categories: [], purposes: [] })
      .describe('Entries added to the built-in taxonomy, each under a built-in parent.'),
    categories: z.array(DataCategory).min(1),
    purposes: z.array(Purpose).min(1),
    recipients: z.array(Recipient).default([]),
    trackers: z.array(Tracker).default([]),
    signals: Signals.default({}),
    permissions: z.array(Permission).default([]),
    retention: Retention.default({
      rules: [],
      legalHolds: [],
      onCessation: 'unstated',
      cessationNotice: false,
    }),
    identities: Identities.default({}),
    datasets: z.array(Dataset).default([]),
    rights: z.array(Right).default([]),
    minors: Minors.default({
      rules: [],
      onDiscovery: 'unstated',
      separatePolicy: false,
    }),
    transfers: Transfers.default({ storage: [], localisation: [], transfers: [] }),
    breach: Breach.optional().describe('Omitted: the policy makes no breach promise (linted).'),
    security: Security.optional(),
    complaints: z
      .object({ regulators: z.array(LocalText).default([]), internalChannel: Id.optional() })
      .strict()
      .optional(),
    operatorChoices: z.array(OperatorChoice).default([]),
    lintOverrides: z
      .array(LintOverride)
      .default([])
      .describe(
        'Lint errors accepted for publishing, each with its reason: publishing refuses a manifest with lint errors none of these covers.',
      ),
  })
  .strict();

/** A manifest after validation, with defaults applied. */
export type Manifest = z.infer<typeof ManifestSchema>;
/** A manifest as written in YAML, before defaults. */
export type ManifestInput = z.input<typeof ManifestSchema>;
