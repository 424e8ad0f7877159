import { ManifestSchema } from '@pledge/core';
import { DecisionJson, ErrorResponse, LedgerEventJson } from '@pledge/protocol';
import type { z } from 'zod';

/**
 * Schemas shared by several routes: each is written once under `components.schemas` and
 * referenced elsewhere, which keeps the document small (the manifest schema alone is large).
 */
export const COMPONENTS: ReadonlyMap<z.ZodType, string> = new Map<z.ZodType, string>([
  [ManifestSchema, 'Manifest'],
  [ErrorResponse, 'Error'],
  [LedgerEventJson, 'LedgerEvent'],
  [DecisionJson, 'Decision'],
]);
