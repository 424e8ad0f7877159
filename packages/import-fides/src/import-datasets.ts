import { createTaxonomy, Dataset } from '@pledge/core';
import { CategoryRegistry } from './categories.js';
import { type ConvertedDataset, convertDataset } from './convert-dataset.js';
import { IssueList } from './issues.js';
import { placeReferences } from './place-references.js';
import { readFidesInput } from './read-input.js';
import type { FidesImportOptions, FidesImportResult } from './types.js';

/**
 * Converts a fideslang dataset file (YAML or JSON text, or its parsed value) into the
 * `datasets` section of a Pledge manifest, plus the data categories to add. Pure; never
 * throws for any input: problems come back as issues with a `fides.*` code and the path
 * in the input.
 *
 * - `data_categories` become references to manifest categories (existing ones when
 *   `existingCategories` maps the key, else new ones returned in `categories`); a field
 *   without categories takes its parent field's, its collection's, then its dataset's.
 * - `fides_meta.identity` becomes an identity kind (`email`, `phone_number` → `phone`, ...;
 *   any other name → `external-id`, with a warning).
 * - `fides_meta.references` keep Fides's direction (see `placeReferences`): `from` becomes
 *   a reference owned by the referenced row, `to` is written on the referenced field the
 *   other way round, no direction becomes a `link`; a field keeps several references as a
 *   list; Pledge cannot point into nested fields.
 * - Each dataset reads its connection from `PLEDGE_<ID>_URL` (`datastore.connection`).
 * - Nested `fields` are flattened as `parent.child`.
 * - Erasure: `masking_strategy_override` when given; primary keys and read-only fields are
 *   kept; otherwise from the strictest category sensitivity (see `defaultErasure`). A
 *   collection with `masking_strategy_override: delete` deletes its rows.
 *
 * @example
 * const { datasets, categories, issues } = fidesDatasetToPledge(yamlText, { datastoreKind: 'postgres' });
 */
export function fidesDatasetToPledge(input: unknown, options: FidesImportOptions = {}): FidesImportResult {
  const issues = new IssueList();
  const taxonomy = options.taxonomy ?? createTaxonomy();
  const categories = new CategoryRegistry(taxonomy, options.existingCategories);
  const context = { taxonomy, categories, issues };
  const converted: ConvertedDataset[] = [];
  for (const raw of readFidesInput(input, issues)) {
    const result = convertDataset(raw.value, raw.path, context, options.datastoreKind ?? 'postgres');
    if (!result) continue;
    if (converted.some((c) => c.dataset.id === result.dataset.id)) {
      issues.add(
        'duplicate-dataset',
        'error',
        raw.path,
        `dataset id ${result.dataset.id} is already taken; dropped`,
      );
      continue;
    }
    // The output must be a valid manifest section; a name the schema refuses is reported, not returned.
    const valid = Dataset.safeParse(result.dataset);
    if (!valid.success) {
      const first = valid.error.issues[0];
      issues.add(
        'dataset-unrepresentable',
        'error',
        raw.path,
        `not a valid Pledge dataset: ${first?.message ?? ''}`,
      );
      continue;
    }
    converted.push(result);
  }
  placeReferences(converted, issues);
  // Only categories the returned datasets use: a dropped dataset adds none.
  const used = new Set(
    converted.flatMap((c) => c.dataset.collections.flatMap((col) => col.fields.flatMap((f) => f.categories))),
  );
  const keep = <T>(record: Record<string, T>, id: (value: T) => string) =>
    Object.fromEntries(Object.entries(record).filter(([, value]) => used.has(id(value))));
  return {
    ok: !issues.hasErrors,
    datasets: converted.map((c) => c.dataset),
    categories: keep(categories.created(), (category) => category.id),
    categoryIds: keep(categories.ids(), (id) => id),
    issues: issues.items,
  };
}
