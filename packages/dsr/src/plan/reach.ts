import type { IdentityKind } from '@pledge/core';
import type { Edge, Graph } from './graph.js';
import type { Locator } from './types.js';

/** Collections a set of identity kinds reaches, with the owner locators found on the way. */
export interface Reach {
  reached: Set<number>;
  /**
   * Root collections: the rows the subject's identity values find in them (directly, or by
   * climbing an `identifies-owner` edge) are the subject's own, since no reached collection
   * owns them. Every other reached collection is located from its owners only.
   */
  roots: Set<number>;
  /** Collections holding an identity kind given, that are not roots: owned by a reached collection. */
  owned: Set<number>;
  owners: Map<number, Locator[]>;
}

/**
 * Walks the graph from the collections holding one of `kinds` (`edges`: the followed ones,
 * without `link` and cycle edges):
 *
 * 1. **Seeds**: collections with an identity field of a kind given.
 * 2. **Climb**: along an `identifies-owner` edge from a seed, the rows the subject's own
 *    identity finds there name their owner (`owner` locator), one level up, never further.
 * 3. **Down**: from every reached collection along owning edges to the rows it owns.
 * 4. **Roots**: the seeds and climbed-to collections that no owning edge from another reached
 *    collection points into. Their identity-found (or climbed-to) rows are the subject's roots;
 *    a seed that is not a root is found from its owners only, so a row that merely mentions an
 *    identity (a session naming an e-mail) never makes its owner, or itself, the subject's.
 */
export function reach(graph: Graph, edges: readonly Edge[], kinds: ReadonlySet<IdentityKind>): Reach {
  const seeds = new Set<number>();
  const owners = new Map<number, Locator[]>();
  for (const node of graph.nodes) {
    if (node.identities.some((i) => kinds.has(i.identity))) seeds.add(node.id);
  }
  const reached = new Set(seeds);
  const climbed = new Set<number>();
  for (const edge of edges) {
    if (edge.relation !== 'identifies-owner' || edge.child === edge.parent || !seeds.has(edge.child))
      continue;
    const child = graph.nodes[edge.child];
    const parent = graph.nodes[edge.parent];
    if (!child || !parent) continue;
    for (const id of child.identities) {
      if (!kinds.has(id.identity)) continue;
      reached.add(parent.id);
      climbed.add(parent.id);
      const list = owners.get(parent.id) ?? [];
      list.push({
        via: 'owner',
        field: edge.parentField,
        through: {
          dataset: child.dataset,
          collection: child.collection.name,
          identityField: id.field,
          identity: id.identity,
          referenceField: edge.childField,
        },
      });
      owners.set(parent.id, list);
    }
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const edge of edges) {
      if (reached.has(edge.parent) && !reached.has(edge.child)) {
        reached.add(edge.child);
        grew = true;
      }
    }
  }
  const ownedBy = (id: number) =>
    edges.some((e) => e.child === id && e.parent !== id && reached.has(e.parent));
  const roots = new Set<number>();
  const owned = new Set<number>();
  for (const id of [...seeds, ...climbed].sort((a, b) => a - b)) {
    if (!ownedBy(id)) roots.add(id);
    else if (seeds.has(id)) owned.add(id);
  }
  for (const id of owners.keys()) if (!roots.has(id)) owners.delete(id);
  return { reached, roots, owned, owners };
}

/** Reached collections with every parent before its children; ties keep manifest order. */
export function traversalOrder(reached: ReadonlySet<number>, edges: readonly Edge[]): number[] {
  const inner = edges.filter((e) => reached.has(e.parent) && reached.has(e.child) && e.parent !== e.child);
  const waiting = new Map<number, number>();
  for (const id of reached) waiting.set(id, 0);
  for (const e of inner) waiting.set(e.child, (waiting.get(e.child) ?? 0) + 1);
  const order: number[] = [];
  const done = new Set<number>();
  while (order.length < reached.size) {
    const next = [...waiting.entries()]
      .filter(([id, n]) => n === 0 && !done.has(id))
      .map(([id]) => id)
      .sort((a, b) => a - b)[0];
    // The edges given are acyclic (cycle edges are removed first); this guards the loop anyway.
    if (next === undefined) break;
    done.add(next);
    order.push(next);
    for (const e of inner) if (e.parent === next) waiting.set(e.child, (waiting.get(e.child) ?? 0) - 1);
  }
  return order;
}
