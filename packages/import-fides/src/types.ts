import type { DataCategory, Dataset, DatastoreKind, Issue, Taxonomy } from '@pledge/core';

/** The datastore kinds a Pledge dataset can have (core's list). */
export type { DatastoreKind };

/** Options of {@link fidesDatasetToPledge}. */
export interface FidesImportOptions {
  /** Kind given to every imported datastore: a fideslang dataset does not say (default `postgres`). */
  datastoreKind?: DatastoreKind;
  /** Taxonomy that decides sensitivity and names (default: the built-in one). */
  taxonomy?: Taxonomy;
  /**
   * Categories the manifest already has: a fideslang key that one of them maps (`taxonomy`)
   * is referenced by that category's id instead of a new category.
   */
  existingCategories?: ReadonlyArray<Pick<DataCategory, 'id' | 'taxonomy'>>;
}

/** What a fideslang dataset file becomes. */
export interface FidesImportResult {
  /** True when no issue has severity `error`: every dataset in the input was converted. */
  ok: boolean;
  /** The manifest's `datasets` entries, one per fideslang dataset that could be converted. */
  datasets: Dataset[];
  /** Categories to add to the manifest's `categories`, keyed by fideslang key. */
  categories: Record<string, DataCategory>;
  /** The manifest category id every fideslang key used in the input is referenced by. */
  categoryIds: Record<string, string>;
  /** Problems and lossy conversions, with the path in the fideslang input. */
  issues: Issue[];
}
