import type { Dataset, DatasetCollection } from '@pledge/core';
import {
  type ConvertedField,
  convertFields,
  declaredCategories,
  type FieldContext,
  metaOf,
  type PendingReference,
} from './convert-fields.js';
import { isRecord, own, type Path, text } from './issues.js';
import { datasetId } from './mappings.js';
import type { DatastoreKind } from './types.js';

/** A reference and the field that makes it. */
export interface SourcedReference extends PendingReference {
  source: { dataset: string; collection: string; field: string };
}

/** A converted dataset and the references its fields make. */
export interface ConvertedDataset {
  dataset: Dataset;
  references: SourcedReference[];
}

type Context = Omit<FieldContext, 'deleteRow' | 'skip'>;

function convertCollection(
  node: unknown,
  path: Path,
  context: Context,
  inherited: readonly string[],
): { collection: DatasetCollection; references: SourcedReference[] } | undefined {
  const { issues } = context;
  const name = isRecord(node) ? text(own(node, 'name')) : undefined;
  if (!isRecord(node) || name === undefined) {
    issues.add('collection-invalid', 'error', path, 'a collection must be an object with a name; dropped');
    return undefined;
  }
  const meta = metaOf(node, path, issues);
  const metaPath = [...path, Object.hasOwn(node, 'fides_meta') ? 'fides_meta' : 'fidesops_meta'];
  const override = own(meta, 'masking_strategy_override');
  const strategy = isRecord(override) ? own(override, 'strategy') : undefined;
  const deleteRow = strategy === 'delete';
  if (override !== undefined && override !== null && !deleteRow) {
    issues.add(
      'strategy-unknown',
      'warning',
      [...metaPath, 'masking_strategy_override'],
      'only delete applies to a collection; ignored',
    );
  }
  const skip = own(meta, 'skip_processing') === true;
  if (skip)
    issues.add(
      'skip-processing',
      'info',
      [...metaPath, 'skip_processing'],
      'skipped by DSRs: every field is kept',
    );
  for (const key of ['after', 'erase_after']) {
    if (own(meta, key) !== undefined) {
      issues.add(
        'ordering-dropped',
        'info',
        [...metaPath, key],
        'Pledge orders erasure by references; ignored',
      );
    }
  }
  const fields = own(node, 'fields');
  if (!Array.isArray(fields)) {
    issues.add(
      'collection-invalid',
      'error',
      [...path, 'fields'],
      'fields must be a list; collection dropped',
    );
    return undefined;
  }
  const keys = declaredCategories(node, path, context) ?? inherited;
  const converted: ConvertedField[] = [];
  for (const item of convertFields(fields, [...path, 'fields'], { ...context, deleteRow, skip }, keys)) {
    if (converted.some((c) => c.field.name === item.field.name)) {
      issues.add(
        'duplicate-field',
        'warning',
        item.path,
        `field ${item.field.name} appears twice; the first is kept`,
      );
    } else {
      converted.push(item);
    }
  }
  if (converted.length === 0) {
    issues.add('collection-empty', 'error', path, 'collection has no usable field; dropped');
    return undefined;
  }
  const keyFields = converted.filter((c) => c.primaryKey);
  if (keyFields.length > 1) {
    issues.add('composite-key', 'warning', path, 'Pledge names one primary key field; none is set');
  }
  return {
    collection: {
      name,
      ...(keyFields.length === 1 && keyFields[0] ? { primaryKey: keyFields[0].field.name } : {}),
      fields: converted.map((c) => c.field),
      erasure: deleteRow ? 'delete-row' : 'fields',
    },
    references: converted.flatMap((c) =>
      c.references.map((r) => ({ ...r, source: { dataset: '', collection: name, field: c.field.name } })),
    ),
  };
}

/**
 * The environment variable a dataset's connection is read from: `PLEDGE_<ID>_URL` (`_DIR`
 * for a folder of files), the id upper-cased with every other character as `_`.
 */
export function connectionVariable(id: string, kind: DatastoreKind): string {
  const name = id.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return `PLEDGE_${name}_${kind === 'files' ? 'DIR' : 'URL'}`;
}

/** One fideslang dataset as a Pledge dataset; undefined (with an error issue) when nothing usable is left. */
export function convertDataset(
  node: Record<string, unknown>,
  path: Path,
  context: Context,
  kind: DatastoreKind,
): ConvertedDataset | undefined {
  const { issues } = context;
  const key = text(own(node, 'fides_key'));
  if (key === undefined) {
    issues.add('dataset-invalid', 'error', [...path, 'fides_key'], 'a dataset needs a fides_key; dropped');
    return undefined;
  }
  const id = datasetId(key);
  if (id !== key)
    issues.add('key-renamed', 'info', [...path, 'fides_key'], `fides_key becomes the dataset id ${id}`);
  const meta = metaOf(node, path, issues);
  if (own(meta, 'after') !== undefined) {
    issues.add(
      'ordering-dropped',
      'info',
      [...path, 'fides_meta', 'after'],
      'Pledge orders erasure by references; ignored',
    );
  }
  const collections = own(node, 'collections');
  if (!Array.isArray(collections)) {
    issues.add(
      'dataset-invalid',
      'error',
      [...path, 'collections'],
      'collections must be a list; dataset dropped',
    );
    return undefined;
  }
  const inherited = declaredCategories(node, path, context) ?? [];
  const converted: DatasetCollection[] = [];
  const references: SourcedReference[] = [];
  collections.forEach((item, i) => {
    const result = convertCollection(item, [...path, 'collections', i], context, inherited);
    if (!result) return;
    if (converted.some((c) => c.name === result.collection.name)) {
      issues.add(
        'duplicate-collection',
        'warning',
        [...path, 'collections', i],
        'collection appears twice; the first is kept',
      );
      return;
    }
    converted.push(result.collection);
    references.push(...result.references.map((r) => ({ ...r, source: { ...r.source, dataset: id } })));
  });
  if (converted.length === 0) {
    issues.add('dataset-empty', 'error', path, 'dataset has no usable collection; dropped');
    return undefined;
  }
  const description = text(own(node, 'description')) ?? text(own(node, 'name'));
  return {
    dataset: {
      id,
      datastore: { kind, connection: connectionVariable(id, kind) },
      ...(description ? { description } : {}),
      collections: converted,
    },
    references,
  };
}
