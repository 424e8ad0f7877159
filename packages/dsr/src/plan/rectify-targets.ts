import type { Issue } from '@pledge/core';
import type { Edge, Graph, Node } from './graph.js';

/** Fields to set per node, and the targets that name nothing. */
export interface RectifyTargets {
  fields: Map<number, string[]>;
  issues: Issue[];
}

function matches(node: Node, target: string): string | undefined {
  const parts = target.split('.');
  const field = parts.at(-1) ?? '';
  if (!node.collection.fields.some((f) => f.name === field)) return undefined;
  if (parts.length === 1) return field;
  if (parts.length === 2) return parts[0] === node.collection.name ? field : undefined;
  const collection = parts.slice(1, -1).join('.');
  return parts[0] === node.dataset && collection === node.collection.name ? field : undefined;
}

/**
 * Resolves rectification targets (`field`, `collection.field`, `dataset.collection.field`)
 * to the reached collections holding them. A target matching no reached collection is an
 * error; setting a key, or a field other collections reference, is a warning, since the
 * rows that pointed at the old value no longer find it.
 */
export function rectifyTargets(
  graph: Graph,
  edges: readonly Edge[],
  targets: readonly string[],
  order: readonly number[],
): RectifyTargets {
  const fields = new Map<number, string[]>();
  const issues: Issue[] = [];
  if (targets.length === 0) {
    issues.push({
      code: 'dsr.rectify-empty',
      severity: 'error',
      path: 'rectify',
      message: 'a rectification names at least one field to set',
    });
  }
  targets.forEach((target, i) => {
    let found = false;
    for (const id of order) {
      const node = graph.nodes[id] as Node;
      const field = matches(node, target);
      if (!field) continue;
      found = true;
      fields.set(id, [...new Set([...(fields.get(id) ?? []), field])]);
      const referenced = edges.some((e) => e.parent === id && e.parentField === field);
      if (field === node.keyField || referenced) {
        issues.push({
          code: 'dsr.rectify-key',
          severity: 'warning',
          path: `rectify[${i}]`,
          message: `${node.dataset}.${node.collection.name}.${field} is a key or is referenced: rows pointing at the old value are not updated`,
        });
      }
    }
    if (!found) {
      issues.push({
        code: 'dsr.rectify-field-unknown',
        severity: 'error',
        path: `rectify[${i}]`,
        message: `${target} is not a field of any collection this request reaches`,
      });
    }
  });
  return { fields, issues };
}
