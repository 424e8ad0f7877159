import { ConnectorError, capabilitiesOf, type DescribedCall, describeStatements } from '@pledge/connectors';
import type { Issue, Manifest } from '@pledge/core';
import { identityWhere } from '../identity/match-of.js';
import type { Node } from './graph.js';
import type { Locator, StatementTemplate, StepErasure } from './types.js';

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
): StepStatements {
  const capabilities = capabilitiesOf(node.datastore);
  const calls: DescribedCall[] = [
    ...locators.map(
      (l): DescribedCall => ({
        operation: 'locate',
        field: l.field,
        ...(l.via === 'identity' && manifest
          ? identityWhere(manifest, node.collection, l.field, l.identity)
          : {}),
      }),
    ),
    { operation: 'read' },
  ];
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
      for (const s of describeStatements(node.datastore, node.collection, call)) {
        statements.push({ operation: s.operation, text: s.text, per: s.per, exact: s.exact });
      }
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
