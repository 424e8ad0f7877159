import type { IdentityKind } from '@pledge/core';
import type { Edge, Graph } from './graph.js';
import type { Locator } from './types.js';

/** Collections a set of identity kinds reaches, with the owner locators found on the way. */
export interface Reach {
  reached: Set<number>;
  owners: Map<number, Locator[]>;
}

/**
 * Walks the graph from the collections holding one of `kinds`. Children are reached from
 * their parents along `edges`; a parent is reached from a child only when the parent holds
 * identity fields itself (it records subjects, like `users`) and only from the child's rows
 * found by identity, one level up: climbing further, or into a parent shared by many
 * subjects (`products` from `orders`), would reach other people's data.
 */
export function reach(graph: Graph, edges: readonly Edge[], kinds: ReadonlySet<IdentityKind>): Reach {
  const reached = new Set<number>();
  const owners = new Map<number, Locator[]>();
  for (const node of graph.nodes) {
    if (node.identities.some((i) => kinds.has(i.identity))) reached.add(node.id);
  }
  for (const edge of edges) {
    const child = graph.nodes[edge.child];
    const parent = graph.nodes[edge.parent];
    if (!child || !parent || child.id === parent.id || parent.identities.length === 0) continue;
    for (const id of child.identities) {
      if (!kinds.has(id.identity)) continue;
      reached.add(parent.id);
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
  return { reached, owners };
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
