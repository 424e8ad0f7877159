import { capabilitiesOf } from '@pledge/connectors';
import type { ErasureStrategy, Issue, Manifest } from '@pledge/core';
import type { Node } from './graph.js';
import type { FieldErasure, StepErasure } from './types.js';

/**
 * The erasure of one collection. A field under a legal hold is kept; a collection erased by
 * `delete-row` that holds such a field keeps its rows, since deleting the row would destroy
 * the held field, and its other fields are nulled instead (reported). The key field of a
 * collection erased field by field is kept: the row has to stay addressable.
 */
export function planErasure(manifest: Manifest, node: Node): { erasure: StepErasure; issues: Issue[] } {
  const issues: Issue[] = [];
  const { collection } = node;
  const capabilities = capabilitiesOf(node.datastore);
  const holds = new Set(manifest.retention.legalHolds.map((h) => h.id));
  const held = collection.fields.filter((f) => f.legalHold !== undefined);
  const deletesRow =
    collection.erasure === 'delete-row' || collection.fields.some((f) => f.erasure === 'delete-row');
  const keepsRow = held.length > 0 && deletesRow;
  if (keepsRow) {
    issues.push({
      code: 'dsr.hold-keeps-row',
      severity: 'warning',
      path: node.path,
      message: `${node.dataset}.${collection.name} is erased by delete-row but a field is under a legal hold: rows are kept, the other fields nulled`,
    });
  }
  const fields: FieldErasure[] = collection.fields.map((field, i) => {
    const categories = [...field.categories];
    if (field.legalHold !== undefined) {
      if (!holds.has(field.legalHold)) {
        issues.push({
          code: 'dsr.legal-hold-unknown',
          severity: 'warning',
          path: `${node.path}.fields[${i}].legalHold`,
          message: `no legal hold ${field.legalHold} in retention.legalHolds; the field is kept all the same`,
        });
      }
      return { field: field.name, strategy: 'keep', legalHold: field.legalHold, categories };
    }
    let strategy: ErasureStrategy = collection.erasure === 'delete-row' ? 'delete-row' : field.erasure;
    if (keepsRow && strategy === 'delete-row') strategy = 'null';
    if (!deletesRow || keepsRow) {
      // A composite key's label lists its columns (`org,seq`); each is part of the key.
      if (node.keyField.split(',').includes(field.name) && strategy !== 'keep') {
        issues.push({
          code: 'dsr.key-kept',
          severity: 'info',
          path: `${node.path}.fields[${i}].erasure`,
          message: `${field.name} is the key of ${node.dataset}.${collection.name} and is kept while the row stays`,
        });
        strategy = 'keep';
      }
    }
    if (!capabilities.strategies.includes(strategy)) {
      issues.push({
        code: 'dsr.strategy-unsupported',
        severity: 'warning',
        path: `${node.path}.fields[${i}].erasure`,
        message: `a ${capabilities.recordNoun} cannot be given ${strategy}; its ${capabilities.recordNoun} is removed instead`,
      });
      strategy = 'null';
    }
    return { field: field.name, strategy, categories };
  });
  const rowGoes = fields.some((f) => f.strategy === 'delete-row');
  const plan: Record<string, ErasureStrategy> = {};
  if (rowGoes) {
    const first = fields.find((f) => f.strategy === 'delete-row');
    if (first) plan[first.field] = 'delete-row';
  } else {
    for (const f of fields) if (f.strategy !== 'keep') plan[f.field] = f.strategy;
  }
  const mode: StepErasure['mode'] = rowGoes ? 'delete-row' : Object.keys(plan).length > 0 ? 'fields' : 'none';
  return {
    erasure: {
      mode,
      plan,
      fields,
      held: fields.flatMap((f) => (f.legalHold ? [{ field: f.field, legalHold: f.legalHold }] : [])),
    },
    issues,
  };
}
