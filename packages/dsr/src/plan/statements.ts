import { ConnectorError, capabilitiesOf, type DescribedCall, describeStatements } from '@pledge/connectors';
import type { Issue, Manifest } from '@pledge/core';
import { identityWhere } from '../identity/match-of.js';
import type { Node } from './graph.js';
import type { Locator, StatementTemplate, StepErasure } from './types.js';

const SQL_KINDS = new Set(['postgres', 'mysql', 'sqlite']);

/** How the runner looks a step up: every field read with the keys (access), or `fields` only. */
export interface StepLookup {
  fields?: readonly string[];
}

/** A step's statements, and what the connector refused to describe. */
export interface StepStatements {
  statements: StatementTemplate[];
  issues: Issue[];
}

/**
 * The statements a step sends, as its connector describes them for one batch of one key:
 * the exact text its statement log will record (SQL with placeholders, Redis commands,
 * file-system calls), never values. A call the connector refuses (an identifier it will not
 * quote, a field it cannot locate by) is reported as a warning, as it would fail at run time.
 */
export function stepStatements(
  node: Node,
  locators: readonly Locator[],
  erasure: StepErasure | undefined,
  rectify?: readonly string[],
  manifest?: Pick<Manifest, 'identities'>,
  lookup?: StepLookup,
): StepStatements {
  const capabilities = capabilitiesOf(node.datastore);
  const wheres = locators.map((l) => ({
    field: l.field,
    ...(l.via === 'identity' && manifest
      ? identityWhere(manifest, node.collection, l.field, l.identity)
      : {}),
  }));
  const calls: DescribedCall[] = [
    ...wheres.map((w): DescribedCall => ({ operation: 'locate', ...w })),
    { operation: 'read' },
  ];
  // A SQL step sends its lookups and the read as one statement (see `lookupRows`): the
  // locates and the read are still described, for what the connector refuses, not listed.
  const combined: DescribedCall | undefined =
    lookup && SQL_KINDS.has(node.datastore) && wheres.length > 0
      ? { operation: 'lookup', wheres, ...(lookup.fields ? { fields: lookup.fields } : {}) }
      : undefined;
  if (combined) calls.push(combined);
  if (erasure && erasure.mode !== 'none') calls.push({ operation: 'erase', plan: erasure.plan });
  if (rectify && rectify.length > 0 && capabilities.rectify) {
    calls.push({ operation: 'rectify', fields: rectify });
  }
  const statements: StatementTemplate[] = [];
  const issues: Issue[] = [];
  for (const l of locators) {
    if (l.via !== 'identity' || !manifest) continue;
    const where = identityWhere(manifest, node.collection, l.field, l.identity);
    if (where.match === 'exact' || where.normalised) continue;
    issues.push({
      code: 'dsr.match-normalises-column',
      severity: 'info',
      path: node.path,
      message: `${node.dataset}.${node.collection.name}.${l.field} is compared by the ${where.match} rule of ${l.identity}: every value of the field is normalised to compare (no index; a scan on Redis and files). Mark the field normalised: true if it is stored in that form`,
    });
  }
  for (const call of calls) {
    try {
      const described = describeStatements(node.datastore, node.collection, call);
      const replaced = combined && (call.operation === 'locate' || call.operation === 'read');
      for (const s of replaced ? [] : described) {
        statements.push({ operation: s.operation, text: s.text, per: s.per, exact: s.exact });
      }
      if (call.operation === 'locate' && described.some((s) => s.per === 'page'))
        issues.push(scanWarning(node, call.field));
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      issues.push({
        code: 'dsr.connector-refuses',
        severity: 'warning',
        path: node.path,
        message: `${node.dataset}.${node.collection.name}: the ${node.datastore} connector will refuse to ${call.operation}: ${error.message}`,
      });
    }
  }
  return { statements, issues };
}

/**
 * A lookup the connector can only answer by walking every key of the collection (a Redis
 * field that is neither in the key nor indexed): correct, but its cost grows with the data.
 */
function scanWarning(node: Node, field: string): Issue {
  return {
    code: 'dsr.locate-scans',
    severity: 'warning',
    path: node.path,
    message: `${node.dataset}.${node.collection.name} is located by ${field}, which is not in its key and has no declared index: every request scans all its keys (declare indexes: [{ field: ${field}, set: ... }] if the application keeps a set per value)`,
  };
}
