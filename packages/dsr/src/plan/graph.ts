import { capabilitiesOf } from '@pledge/connectors';
import {
  type DatasetCollection,
  fieldReferences,
  type IdentityKind,
  type Issue,
  type Manifest,
  type ReferenceRelation,
} from '@pledge/core';
import type { DatastoreKind } from './types.js';

/** A collection as a node of the reference graph. */
export interface Node {
  id: number;
  dataset: string;
  datastore: DatastoreKind;
  collection: DatasetCollection;
  /** Manifest path of the collection, e.g. `datasets[0].collections[2]`. */
  path: string;
  keyField: string;
  identities: Array<{ field: string; identity: IdentityKind }>;
}

/**
 * A declared reference: `child.childField` points at `parent.parentField`. `relation` is the
 * field's (`owned-by` when the manifest leaves it out): the parent row owns the child row
 * (`owned-by`, `identifies-owner`) or the edge is a mere `link`, never followed.
 */
export interface Edge {
  child: number;
  childField: string;
  parent: number;
  parentField: string;
  relation: ReferenceRelation;
  path: string;
}

/** The collections of a manifest and the references between them. */
export interface Graph {
  nodes: Node[];
  edges: Edge[];
  issues: Issue[];
}

const placeholder = /\{[A-Za-z_][A-Za-z0-9_]*\}/;

/** Whether a reference's collection part names this collection (a placeholder may be written `*`). */
function namesCollection(written: string, name: string): boolean {
  return written === name || written === name.replace(placeholder, '*');
}

function issue(code: string, severity: Issue['severity'], path: string, message: string): Issue {
  return { code, severity, path, message };
}

/** Builds the graph, reporting references to unknown datasets, collections or fields. */
export function buildGraph(manifest: Manifest): Graph {
  const nodes: Node[] = [];
  const issues: Issue[] = [];
  manifest.datasets.forEach((dataset, d) => {
    dataset.collections.forEach((collection, c) => {
      const path = `datasets[${d}].collections[${c}]`;
      const kind = dataset.datastore.kind;
      const capabilities = capabilitiesOf(kind);
      const keyField = capabilities.keyField(collection);
      if (keyField === undefined) {
        const what = capabilities.keyDeclaration;
        issues.push(
          issue('dsr.key-missing', 'error', path, `${dataset.id}.${collection.name} needs ${what}`),
        );
      }
      nodes.push({
        id: nodes.length,
        dataset: dataset.id,
        datastore: kind,
        collection,
        path,
        keyField: keyField ?? '',
        identities: collection.fields.flatMap((f) =>
          f.identity ? [{ field: f.name, identity: f.identity }] : [],
        ),
      });
    });
  });
  const edges: Edge[] = [];
  for (const node of nodes) {
    node.collection.fields.forEach((field, f) => {
      const targets = fieldReferences(field);
      targets.forEach((target, r) => {
        const at = `${node.path}.fields[${f}].references`;
        const path = typeof field.references === 'string' ? at : `${at}[${r}]`;
        const edge = resolveReference(manifest, nodes, target, path, issues);
        if (!edge) return;
        edges.push({
          child: node.id,
          childField: field.name,
          parent: edge.parent,
          parentField: edge.parentField,
          relation: field.relation ?? 'owned-by',
          path,
        });
      });
    });
  }
  return { nodes, edges, issues };
}

/** The parent of one reference, or undefined with an issue when it names nothing declared. */
function resolveReference(
  manifest: Manifest,
  nodes: readonly Node[],
  target: string,
  path: string,
  issues: Issue[],
): { parent: number; parentField: string } | undefined {
  const [datasetId, collectionName, fieldName] = target.split('.') as [string, string, string];
  if (!manifest.datasets.some((d) => d.id === datasetId)) {
    issues.push(issue('dsr.reference-unknown-dataset', 'error', path, `no dataset ${datasetId}`));
    return undefined;
  }
  const parent = nodes.find(
    (n) => n.dataset === datasetId && namesCollection(collectionName, n.collection.name),
  );
  if (!parent) {
    issues.push(
      issue(
        'dsr.reference-unknown-collection',
        'error',
        path,
        `dataset ${datasetId} has no collection ${collectionName}`,
      ),
    );
    return undefined;
  }
  const known = parent.collection.fields.some((p) => p.name === fieldName) || parent.keyField === fieldName;
  if (!known) {
    issues.push(
      issue(
        'dsr.reference-unknown-field',
        'error',
        path,
        `${datasetId}.${parent.collection.name} has no field ${fieldName}`,
      ),
    );
    return undefined;
  }
  return { parent: parent.id, parentField: fieldName };
}

/**
 * Owning edges that close a cycle (a self-reference such as `employees.manager_id`, or
 * A → B → A): following them from parent to child would reach other subjects' rows, so the
 * planner reports them and does not follow them. Found by a depth-first walk in manifest order;
 * `link` edges are never followed, so they close no cycle.
 */
export function cycleEdges(graph: Graph): Set<Edge> {
  const state = new Array<0 | 1 | 2>(graph.nodes.length).fill(0);
  const out = new Set<Edge>();
  const visit = (n: number) => {
    state[n] = 1;
    for (const edge of graph.edges) {
      if (edge.child !== n || edge.relation === 'link') continue;
      if (state[edge.parent] === 1) out.add(edge);
      else if (state[edge.parent] === 0) visit(edge.parent);
    }
    state[n] = 2;
  };
  for (const node of graph.nodes) if (state[node.id] === 0) visit(node.id);
  return out;
}
