import type { Dataset, DatasetField } from '@pledge/core';
import type { ConvertedDataset } from './convert-dataset.js';
import { referenceShape } from './convert-fields.js';
import type { IssueList, Path } from './issues.js';

interface Placed {
  /** References whose row owns this row (`relation: owned-by`). */
  owned: string[];
  /** References Fides gave no direction: kept as `relation: link`. */
  links: Array<{ target: string; path: Path }>;
}

function fieldOf(
  datasets: ReadonlyMap<string, Dataset>,
  dataset: string,
  collection: string,
  field: string,
): DatasetField | undefined {
  return datasets
    .get(dataset)
    ?.collections.find((c) => c.name === collection)
    ?.fields.find((f) => f.name === field);
}

/**
 * Places every fideslang reference on a Pledge field, keeping Fides's direction:
 *
 * - `from` (the referenced field's values find this field's rows): the field references the
 *   target, `owned-by`, the referenced row owns this row (`orders.customer_id → customer.id`).
 * - `to` (this field's values find the referenced rows): the reference is written the other
 *   way round, on the referenced field, `owned-by` this field's row (`customer.address_id →
 *   address.id` becomes `address.id` references `customer.address_id`), so the collection
 *   reached only through it is visited from its owner.
 * - no direction (Fides follows it either way, which climbs into other people's rows): kept
 *   as a `link`, never followed, with a warning.
 *
 * A field with several references keeps them all, as a list. Mutates the datasets.
 */
export function placeReferences(converted: readonly ConvertedDataset[], issues: IssueList): void {
  const datasets = new Map(converted.map((c) => [c.dataset.id, c.dataset]));
  const placed = new Map<DatasetField, Placed>();
  const entry = (field: DatasetField): Placed => {
    const found = placed.get(field);
    if (found) return found;
    const fresh: Placed = { owned: [], links: [] };
    placed.set(field, fresh);
    return fresh;
  };
  for (const reference of converted.flatMap((c) => c.references)) {
    const { source, path } = reference;
    const target = `${reference.dataset}.${reference.collection}.${reference.field}`;
    const targetField = fieldOf(datasets, reference.dataset, reference.collection, reference.field);
    if (!datasets.has(reference.dataset)) {
      issues.add('reference-external', 'info', path, `dataset ${reference.dataset} is not in this file`);
    } else if (!targetField) {
      issues.add('reference-unresolved', 'warning', path, `${target} is not a field of this file`);
    }
    const sourceField = fieldOf(datasets, source.dataset, source.collection, source.field);
    if (!sourceField) continue;
    if (reference.direction === 'to') {
      const reversed = `${source.dataset}.${source.collection}.${source.field}`;
      if (!targetField) {
        issues.add(
          'reference-dropped',
          'warning',
          path,
          'a reference with direction to is kept on the field it points to, which this file does not have; dropped',
        );
      } else if (!referenceShape.safeParse(reversed).success) {
        issues.add(
          'reference-dropped',
          'warning',
          path,
          'a reference with direction to is written on the field it points to, and this field cannot be referenced (a nested field); dropped',
        );
      } else {
        entry(targetField).owned.push(reversed);
        issues.add(
          'reference-reversed',
          'info',
          path,
          `direction to: ${target} references ${reversed}, owned by its row`,
        );
      }
    } else if (reference.direction === 'from') {
      entry(sourceField).owned.push(target);
    } else {
      entry(sourceField).links.push({ target, path });
      issues.add(
        'reference-undirected',
        'warning',
        path,
        'no direction: Fides follows it either way, which reaches other people; kept as a link that requests never follow (set relation owned-by when the referenced row owns this one)',
      );
    }
  }
  for (const [field, { owned, links }] of placed) {
    const list = owned.length > 0 ? [...new Set(owned)] : [...new Set(links.map((l) => l.target))];
    if (list.length === 0) continue;
    field.references = list.length === 1 ? (list[0] as string) : list;
    if (owned.length === 0) field.relation = 'link';
    else {
      for (const link of links) {
        issues.add(
          'reference-dropped',
          'info',
          link.path,
          'a field has one relation: this undirected reference beside owning ones is dropped',
        );
      }
    }
  }
}
