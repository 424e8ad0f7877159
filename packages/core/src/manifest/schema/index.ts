import { z } from 'zod';
import { Breach } from './breach';
import { DataCategory, TaxonomyExtension } from './categories';
import { Id, LocalText, OperatorChoice } from './common';
import { Controller } from './controller';
import { Dataset } from './datasets';
import { Minors } from './minors';
import { PolicyMeta } from './policy';
import { Purpose } from './purposes';
import { Recipient } from './recipients';
import { Retention } from './retention';
import { Right } from './rights';
import { Security } from './security';
import { Permission, Signals, Tracker } from './trackers';
import { Transfers } from './transfers';

export * from './breach';
export * from './categories';
export * from './common';
export * from './controller';
export * from './datasets';
export * from './minors';
export * from './policy';
export * from './purposes';
export * from './recipients';
export * from './retention';
export * from './rights';
export * from './security';
export * from './trackers';
export * from './transfers';

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
    signals: Signals.default({ doNotTrack: false, globalPrivacyControl: true }),
    permissions: z.array(Permission).default([]),
    retention: Retention.default({
      rules: [],
      legalHolds: [],
      onCessation: 'unstated',
      cessationNotice: false,
    }),
    datasets: z.array(Dataset).default([]),
    rights: z.array(Right).default([]),
    minors: Minors.default({
      rules: [],
      ageVerification: 'none',
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
  })
  .strict();

/** A manifest after validation, with defaults applied. */
export type Manifest = z.infer<typeof ManifestSchema>;
/** A manifest as written in YAML, before defaults. */
export type ManifestInput = z.input<typeof ManifestSchema>;
