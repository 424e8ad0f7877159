import { DatasetField, type ErasureStrategy, type IdentityKind, type Taxonomy } from '@pledge/core';
import type { CategoryRegistry } from './categories.js';
import { type IssueList, isRecord, own, type Path, text } from './issues.js';
import {
  datasetId,
  defaultErasure,
  erasureOfMasking,
  identityKind,
  strictestSensitivity,
} from './mappings.js';

/** What converting fields needs to know of its surroundings. */
export interface FieldContext {
  taxonomy: Taxonomy;
  categories: CategoryRegistry;
  issues: IssueList;
  /** The collection is erased by deleting rows (`masking_strategy_override: delete`). */
  deleteRow: boolean;
  /** The collection is skipped by DSRs (`skip_processing`): every field is kept. */
  skip: boolean;
}

/**
 * The `direction` of a fideslang reference: `from`, the referenced field's values find this
 * field's rows; `to`, this field's values find the referenced rows; `both` when omitted
 * (fideslang then follows it whichever way finds data).
 */
export type FidesDirection = 'from' | 'to' | 'both';

/** A reference as written, placed on a field once every dataset is converted. */
export interface PendingReference {
  dataset: string;
  collection: string;
  field: string;
  direction: FidesDirection;
  path: Path;
}

/** A converted field, with what the collection needs from it. */
export interface ConvertedField {
  field: DatasetField;
  primaryKey: boolean;
  references: PendingReference[];
  path: Path;
}

const MAX_DEPTH = 16;
/** One reference as the manifest writes it, `dataset.collection.field`. */
export const referenceShape = DatasetField.shape.references;

/** The fideslang `fides_meta` of a node (or its older name `fidesops_meta`). */
export function metaOf(
  node: Record<string, unknown>,
  path: Path,
  issues: IssueList,
): Record<string, unknown> {
  const key = Object.hasOwn(node, 'fides_meta') ? 'fides_meta' : 'fidesops_meta';
  const meta = own(node, key);
  if (meta === undefined || meta === null) return {};
  if (isRecord(meta)) return meta;
  issues.add('meta-invalid', 'warning', [...path, key], `${key} must be an object; ignored`);
  return {};
}

/**
 * The data categories a node declares, or undefined when it declares none (it then
 * inherits). Unknown keys are kept but reported; deprecated keys are reported with their
 * replacement.
 */
export function declaredCategories(
  node: Record<string, unknown>,
  path: Path,
  context: Pick<FieldContext, 'taxonomy' | 'issues'>,
): string[] | undefined {
  const value = own(node, 'data_categories');
  if (value === undefined || value === null) return undefined;
  const at = [...path, 'data_categories'];
  if (!Array.isArray(value)) {
    context.issues.add(
      'categories-invalid',
      'warning',
      at,
      'data_categories must be a list of keys; ignored',
    );
    return undefined;
  }
  const keys: string[] = [];
  value.forEach((key, i) => {
    const name = text(key);
    if (name === undefined) {
      context.issues.add('category-invalid', 'warning', [...at, i], 'a data category must be a key; ignored');
      return;
    }
    const entry = context.taxonomy.get('category', name);
    if (!entry) {
      context.issues.add(
        'category-unknown',
        'warning',
        [...at, i],
        `data category ${name} is not in the taxonomy`,
      );
    } else if (entry.replacedBy) {
      context.issues.add(
        'category-deprecated',
        'info',
        [...at, i],
        `${name} is deprecated: use ${entry.replacedBy}`,
      );
    }
    if (!keys.includes(name)) keys.push(name);
  });
  return keys;
}

function identityOf(meta: Record<string, unknown>, path: Path, issues: IssueList): IdentityKind | undefined {
  const value = own(meta, 'identity');
  if (value === undefined || value === null) return undefined;
  const name = text(value);
  if (name === undefined) {
    issues.add('identity-invalid', 'warning', [...path, 'identity'], 'identity must be a name; ignored');
    return undefined;
  }
  const kind = identityKind(name);
  if (kind) return kind;
  issues.add(
    'identity-mapped',
    'warning',
    [...path, 'identity'],
    `identity ${name} has no Pledge kind: external-id`,
  );
  return 'external-id';
}

function directionOf(item: Record<string, unknown>, where: Path, issues: IssueList): FidesDirection {
  const value = own(item, 'direction');
  if (value === 'from' || value === 'to') return value;
  if (value !== undefined && value !== null) {
    issues.add(
      'direction-invalid',
      'warning',
      [...where, 'direction'],
      'direction must be from or to; taken as omitted',
    );
  }
  return 'both';
}

function referencesOf(meta: Record<string, unknown>, path: Path, issues: IssueList): PendingReference[] {
  const value = own(meta, 'references');
  if (value === undefined || value === null) return [];
  const at = [...path, 'references'];
  if (!Array.isArray(value)) {
    issues.add('reference-invalid', 'warning', at, 'references must be a list; ignored');
    return [];
  }
  const found: PendingReference[] = [];
  value.forEach((item, i) => {
    const where = [...at, i];
    const dataset = isRecord(item) ? text(own(item, 'dataset')) : undefined;
    const target = isRecord(item) ? text(own(item, 'field')) : undefined;
    if (!isRecord(item) || dataset === undefined || target === undefined || !target.includes('.')) {
      issues.add(
        'reference-invalid',
        'warning',
        where,
        'a reference needs dataset and field (collection.field)',
      );
      return;
    }
    const dot = target.indexOf('.');
    const collection = target.slice(0, dot);
    const field = target.slice(dot + 1);
    if (field.includes('.')) {
      issues.add(
        'reference-nested',
        'warning',
        where,
        'a reference to a nested field cannot be expressed; dropped',
      );
      return;
    }
    if (!referenceShape.safeParse(`${datasetId(dataset)}.${collection}.${field}`).success) {
      issues.add(
        'reference-invalid',
        'warning',
        where,
        'the referenced collection or field name cannot be expressed',
      );
      return;
    }
    found.push({
      dataset: datasetId(dataset),
      collection,
      field,
      direction: directionOf(item, where, issues),
      path: where,
    });
  });
  return found;
}

function overrideOf(
  meta: Record<string, unknown>,
  path: Path,
  issues: IssueList,
): ErasureStrategy | undefined {
  const value = own(meta, 'masking_strategy_override');
  if (value === undefined || value === null) return undefined;
  const at = [...path, 'masking_strategy_override'];
  const name = isRecord(value) ? text(own(value, 'strategy')) : undefined;
  const mapping = name === undefined ? undefined : erasureOfMasking(name);
  if (!mapping) {
    issues.add('strategy-unknown', 'warning', at, 'masking strategy not known; the default erasure applies');
    return undefined;
  }
  if (!mapping.exact) {
    issues.add('strategy-approximated', 'info', at, `masking strategy ${name} becomes ${mapping.strategy}`);
  }
  return mapping.strategy;
}

/**
 * Flattens fideslang fields (and their nested `fields`, named `parent.child`) into Pledge
 * fields. A field without categories of its own takes those of its parent field, else of
 * its collection, else of its dataset (`inherited`).
 */
export function convertFields(
  fields: readonly unknown[],
  path: Path,
  context: FieldContext,
  inherited: readonly string[],
  prefix = '',
  depth = 0,
): ConvertedField[] {
  const out: ConvertedField[] = [];
  fields.forEach((node, i) => {
    const at = [...path, i];
    const name = isRecord(node) ? text(own(node, 'name')) : undefined;
    if (!isRecord(node) || name === undefined) {
      context.issues.add('field-invalid', 'error', at, 'a field must be an object with a name; dropped');
      return;
    }
    const meta = metaOf(node, at, context.issues);
    const metaPath = [...at, Object.hasOwn(node, 'fides_meta') ? 'fides_meta' : 'fidesops_meta'];
    const keys = declaredCategories(node, at, context) ?? [...inherited];
    const children = own(node, 'fields');
    if (Array.isArray(children) && children.length > 0) {
      if (depth >= MAX_DEPTH) {
        context.issues.add('too-deep', 'error', at, `fields nest deeper than ${MAX_DEPTH} levels; dropped`);
        return;
      }
      if (own(meta, 'identity') !== undefined || own(meta, 'references') !== undefined) {
        context.issues.add(
          'nested-meta-dropped',
          'warning',
          metaPath,
          'identity and references of an object field are dropped',
        );
      }
      out.push(...convertFields(children, [...at, 'fields'], context, keys, `${prefix}${name}.`, depth + 1));
      return;
    }
    const identity = identityOf(meta, metaPath, context.issues);
    const references = referencesOf(meta, metaPath, context.issues);
    const override = overrideOf(meta, metaPath, context.issues);
    const primaryKey = own(meta, 'primary_key') === true;
    const dataType = text(own(meta, 'data_type'));
    let erasure: ErasureStrategy;
    if (context.skip) erasure = 'keep';
    else if (context.deleteRow) erasure = 'delete-row';
    else if (override) erasure = override;
    else if (primaryKey || own(meta, 'read_only') === true) erasure = 'keep';
    else erasure = defaultErasure(strictestSensitivity(context.taxonomy, keys), dataType);
    for (const key of keys) {
      if (context.categories.skipsFirstTime(key)) {
        context.issues.add(
          'category-not-personal',
          'info',
          at,
          `${key} is not personal data: no manifest category`,
        );
      }
    }
    const personal = keys.filter((key) => context.categories.isPersonal(key));
    const categories = [...new Set(personal.map((key) => context.categories.idOf(key)))];
    out.push({
      field: {
        name: `${prefix}${name}`,
        categories,
        ...(identity ? { identity } : {}),
        erasure,
      },
      primaryKey,
      references,
      path: at,
    });
  });
  return out;
}
