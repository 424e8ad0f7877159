import type { IdentityKind, Issue, Manifest } from '@pledge/core';
import { planErasure } from './erasure.js';
import { buildGraph, cycleEdges, type Edge, type Graph, type Node } from './graph.js';
import { type Reach, reach, traversalOrder } from './reach.js';
import { rectifyTargets } from './rectify-targets.js';
import { stepStatements } from './statements.js';
import type { Locator, Plan, PlanStep, TraversalKind } from './types.js';

/** What to plan. */
export interface PlanOptions {
  kind: TraversalKind;
  /** Identity kinds the request gives; omitted: every kind the manifest uses. */
  identity?: readonly IdentityKind[];
  /**
   * Rectification: fields to set, each `field`, `collection.field` or
   * `dataset.collection.field` (values are not part of a plan).
   */
  rectify?: readonly string[];
}

const label = (node: Node) => `${node.dataset}.${node.collection.name}`;

/**
 * Plans a data-subject request from the manifest's datasets: which collections hold the
 * subject's rows, in which order they are located (parents before the children found from
 * them, across datastores too), how each finds its keys, the statements each sends, and for
 * erasure each field's strategy. Pure: nothing runs. Problems come back as issues: errors
 * (unknown references, no identity the request can use) stop execution, warnings (cycles,
 * unreachable collections, missing identity kinds, legal holds keeping rows) are reported.
 */
export function buildPlan(manifest: Manifest, options: PlanOptions): Plan {
  const graph = buildGraph(manifest);
  const issues: Issue[] = [...graph.issues];
  const cycles = cycleEdges(graph);
  for (const edge of cycles) {
    const child = graph.nodes[edge.child] as Node;
    const parent = graph.nodes[edge.parent] as Node;
    issues.push({
      code: 'dsr.reference-cycle',
      severity: 'warning',
      path: edge.path,
      message: `${label(child)}.${edge.childField} closes a reference cycle through ${label(parent)}: it is not followed from parent to child`,
    });
  }
  // Link edges are never followed; edges closing a cycle are not followed from parent to child.
  const kept = graph.edges.filter((e) => !cycles.has(e));
  const edges = kept.filter((e) => e.relation !== 'link');
  const known = [...new Set(graph.nodes.flatMap((n) => n.identities.map((i) => i.identity)))].sort();
  const given = options.identity ? new Set(options.identity) : new Set(known);
  const structural = reach(graph, edges, new Set(known));
  const actual = reach(graph, edges, given);
  const unreachable = graph.nodes.filter((n) => !structural.reached.has(n.id));
  for (const node of unreachable) {
    issues.push({
      code: 'dsr.unreachable',
      severity: 'warning',
      path: node.path,
      message: `${label(node)} has no identity field and no reference path from one: no request can find its rows`,
    });
  }
  const notReached = graph.nodes.filter((n) => structural.reached.has(n.id) && !actual.reached.has(n.id));
  const missing = known.filter((k) => !given.has(k));
  if (options.identity && missing.length > 0) {
    issues.push({
      code: 'dsr.identity-missing',
      severity: notReached.length > 0 ? 'warning' : 'info',
      path: 'identity',
      message: `the request gives no ${missing.join(', ')}${notReached.length > 0 ? `; not reached: ${notReached.map(label).join(', ')}` : ''}`,
    });
  }
  for (const kind of given) {
    if (!known.includes(kind)) {
      issues.push({
        code: 'dsr.identity-unused',
        severity: 'warning',
        path: 'identity',
        message: `no dataset field is an identity of kind ${kind}`,
      });
    }
  }
  issues.push(...ownedIdentities(graph, edges, actual, given));
  issues.push(...sharedOwners(graph, edges, structural.roots));
  const order = traversalOrder(actual.reached, edges);
  if (order.length === 0) {
    issues.push({
      code: 'dsr.nothing-reached',
      severity: 'error',
      path: 'identity',
      message: 'no collection can be located with the identity kinds given',
    });
  }
  const targets =
    options.kind === 'rectify' ? rectifyTargets(graph, kept, options.rectify ?? [], order) : null;
  if (targets) issues.push(...targets.issues);
  const stepOf = new Map(order.map((id, i) => [id, i]));
  const steps: PlanStep[] = order.map((id, index) => {
    const node = graph.nodes[id] as Node;
    const root = actual.roots.has(id);
    const locators: Locator[] = [
      ...(root ? node.identities : [])
        .filter((i) => given.has(i.identity))
        .map((i): Locator => ({ via: 'identity', field: i.field, identity: i.identity })),
      ...(actual.owners.get(id) ?? []),
      ...edges
        .filter((e) => e.child === id && e.parent !== id && stepOf.has(e.parent))
        .map(
          (e): Locator => ({
            via: 'reference',
            field: e.childField,
            from: stepOf.get(e.parent) as number,
            fromField: e.parentField,
          }),
        ),
    ];
    const provides = [
      ...new Set(
        edges
          .filter((e) => e.parent === id && e.child !== id && stepOf.has(e.child))
          .map((e) => e.parentField),
      ),
    ];
    let erasure: PlanStep['erasure'];
    if (options.kind === 'erase') {
      const planned = planErasure(manifest, node);
      erasure = planned.erasure;
      issues.push(...planned.issues);
    }
    const rectify = targets?.fields.get(id);
    // What the runner reads with the keys: every field for an access, else what later steps need.
    const lookup = options.kind === 'access' ? {} : { fields: provides.filter((f) => f !== node.keyField) };
    const described = stepStatements(node, locators, erasure, rectify, manifest, lookup);
    issues.push(...described.issues);
    return {
      index,
      dataset: node.dataset,
      collection: node.collection.name,
      datastore: node.datastore,
      keyField: node.keyField,
      root,
      locators,
      provides,
      categories: [...new Set(node.collection.fields.flatMap((f) => f.categories))],
      statements: described.statements,
      ...(erasure ? { erasure } : {}),
      ...(rectify ? { rectify } : {}),
    };
  });
  if (options.kind === 'erase') issues.push(...heldReferences(graph.nodes, edges, steps, stepOf));
  const forward = steps.map((s) => s.index);
  return {
    kind: options.kind,
    steps,
    writeOrder: options.kind === 'erase' ? forward.reverse() : forward,
    identity: { known, used: known.filter((k) => given.has(k)), missing: options.identity ? missing : [] },
    unreachable: unreachable.map(label),
    notReached: notReached.map(label),
    issues,
  };
}

/**
 * Identity fields the request gives that locate nothing, because a reached collection owns
 * their rows (a session naming an e-mail is found from its account, not by the e-mail) and
 * no `identifies-owner` edge climbs from them.
 */
function ownedIdentities(
  graph: Graph,
  edges: readonly Edge[],
  actual: Reach,
  given: ReadonlySet<IdentityKind>,
): Issue[] {
  const issues: Issue[] = [];
  for (const id of actual.owned) {
    const node = graph.nodes[id] as Node;
    const climbs = edges.some((e) => e.child === id && e.relation === 'identifies-owner');
    if (climbs) continue;
    const owners = edges
      .filter((e) => e.child === id && e.parent !== id && actual.reached.has(e.parent))
      .map((e) => `${label(graph.nodes[e.parent] as Node)} (${e.childField})`);
    const fields = node.identities.filter((i) => given.has(i.identity)).map((i) => i.field);
    issues.push({
      code: 'dsr.identity-owned',
      severity: 'info',
      path: node.path,
      message: `${label(node)} is owned by ${[...new Set(owners)].join(', ')}: its rows are found from their owners, not by ${fields.join(', ')}; mark the reference identifies-owner to climb from them`,
    });
  }
  return issues;
}

/**
 * Collections whose rows are owned, through owning references, by rows of more than one root
 * collection (tickets owned by a customer and by the employee who handled them): erasing a
 * subject of either reaches them, which is right only when each really owns the row.
 */
function sharedOwners(graph: Graph, edges: readonly Edge[], roots: ReadonlySet<number>): Issue[] {
  const issues: Issue[] = [];
  for (const node of graph.nodes) {
    if (roots.has(node.id)) continue;
    const above = new Set<number>();
    const seen = new Set<number>([node.id]);
    const queue = [node.id];
    while (queue.length > 0) {
      const at = queue.shift() as number;
      for (const e of edges) {
        if (e.child !== at || seen.has(e.parent)) continue;
        seen.add(e.parent);
        if (roots.has(e.parent)) above.add(e.parent);
        else queue.push(e.parent);
      }
    }
    if (above.size < 2) continue;
    const names = [...above].sort((a, b) => a - b).map((id) => label(graph.nodes[id] as Node));
    issues.push({
      code: 'dsr.shared-owner',
      severity: 'warning',
      path: node.path,
      message: `${label(node)} is owned by rows of ${names.join(' and ')}: erasing a subject of any of them reaches its rows; declare relation: link on a reference to a row that does not own it (such as who handled it)`,
    });
  }
  return issues;
}

/**
 * A field kept under a legal hold that references a row the erasure deletes: if the store
 * enforces the reference as a foreign key, the parent's delete fails. Reported before
 * anything runs; at run time the parent step fails with the store's code and the request
 * ends partial.
 */
function heldReferences(
  nodes: readonly Node[],
  edges: readonly Edge[],
  steps: readonly PlanStep[],
  stepOf: ReadonlyMap<number, number>,
): Issue[] {
  const issues: Issue[] = [];
  for (const edge of edges) {
    const child = steps[stepOf.get(edge.child) ?? -1];
    const parent = steps[stepOf.get(edge.parent) ?? -1];
    const hold = child?.erasure?.held.find((h) => h.field === edge.childField);
    if (!child || !parent || !hold || parent.erasure?.mode !== 'delete-row') continue;
    const node = nodes[edge.child] as Node;
    issues.push({
      code: 'dsr.held-reference',
      severity: 'warning',
      path: edge.path,
      message: `${label(node)}.${edge.childField} is kept under legal hold ${hold.legalHold} but references ${parent.dataset}.${parent.collection}, which is deleted: a foreign key will refuse the delete`,
    });
  }
  return issues;
}

/** Whether a plan can run: no error-severity issue. */
export function planRunnable(plan: Plan): boolean {
  return !plan.issues.some((i) => i.severity === 'error');
}
