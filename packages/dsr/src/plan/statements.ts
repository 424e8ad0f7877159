import type { Node } from './graph.js';
import type { Locator, StatementTemplate, StepErasure } from './types.js';

interface Dialect {
  quote(identifier: string): string;
  /** Membership test after the column for the n-th parameter. */
  list(n: number): string;
  param(n: number): string;
}

const dialects: Record<'postgres' | 'mysql' | 'sqlite', Dialect> = {
  postgres: { quote: (i) => `"${i}"`, list: (n) => `= ANY($${n})`, param: (n) => `$${n}` },
  mysql: { quote: (i) => `\`${i}\``, list: () => 'IN (?)', param: () => '?' },
  sqlite: { quote: (i) => `"${i}"`, list: () => 'IN (?, …)', param: () => '?' },
};

function table(d: Dialect, name: string): string {
  return name
    .split('.')
    .map((part) => d.quote(part))
    .join('.');
}

const expression: Record<string, string> = {
  null: 'NULL',
  mask: 'mask(·)',
  hash: 'hmac(·) unless already hashed',
  anonymise: 'generalise(·)',
};

function sqlTemplates(
  d: Dialect,
  node: Node,
  locators: readonly Locator[],
  erasure: StepErasure | undefined,
  rectify: readonly string[] | undefined,
): StatementTemplate[] {
  const t = table(d, node.collection.name);
  const pk = d.quote(node.keyField);
  const out: StatementTemplate[] = [];
  for (const locator of locators) {
    out.push({
      operation: 'locate',
      text: `SELECT DISTINCT ${pk} AS k FROM ${t} WHERE ${d.quote(locator.field)} ${d.list(1)}`,
      per: 'batch',
    });
  }
  out.push({
    operation: 'read',
    text: `SELECT * FROM ${t} WHERE ${pk} ${d.list(1)} ORDER BY ${pk}`,
    per: 'batch',
  });
  if (erasure && erasure.mode === 'delete-row') {
    out.push({ operation: 'erase', text: `DELETE FROM ${t} WHERE ${pk} ${d.list(1)}`, per: 'batch' });
  } else if (erasure && erasure.mode === 'fields') {
    const sets = Object.entries(erasure.plan)
      .map(([field, strategy]) => `${d.quote(field)} = ${expression[strategy] ?? strategy}`)
      .join(', ');
    out.push({ operation: 'erase', text: `UPDATE ${t} SET ${sets} WHERE ${pk} ${d.list(1)}`, per: 'batch' });
  }
  if (rectify && rectify.length > 0) {
    const sets = rectify.map((field, i) => `${d.quote(field)} = ${d.param(i + 1)}`).join(', ');
    out.push({
      operation: 'rectify',
      text: `UPDATE ${t} SET ${sets} WHERE ${pk} ${d.list(rectify.length + 1)}`,
      per: 'batch',
    });
  }
  return out;
}

function redisTemplates(
  node: Node,
  locators: readonly Locator[],
  erasure: StepErasure | undefined,
  rectify?: readonly string[],
) {
  const out: StatementTemplate[] = [];
  for (const locator of locators) {
    if (locator.field === node.keyField)
      out.push({ operation: 'locate', text: 'EXISTS (pipeline)', per: 'batch' });
    else {
      out.push({
        operation: 'locate',
        text: `SCAN MATCH ${node.collection.name.replace(/\{\w+\}/, '*')}`,
        per: 'call',
      });
      out.push({ operation: 'locate', text: 'EVAL match', per: 'batch' });
    }
  }
  out.push({ operation: 'read', text: 'EVAL fetch', per: 'batch' });
  if (erasure?.mode === 'delete-row') out.push({ operation: 'erase', text: 'DEL', per: 'batch' });
  else if (erasure?.mode === 'fields') {
    if (Object.values(erasure.plan).some((s) => s !== 'null')) {
      out.push({ operation: 'erase', text: 'EVAL fetch', per: 'batch' });
    }
    out.push({ operation: 'erase', text: 'EVAL apply', per: 'batch' });
  }
  if (rectify && rectify.length > 0) out.push({ operation: 'rectify', text: 'EVAL apply', per: 'batch' });
  return out;
}

function filesTemplates(locators: readonly Locator[], erasure: StepErasure | undefined): StatementTemplate[] {
  const out: StatementTemplate[] = locators.map(() => ({ operation: 'locate', text: 'readdir', per: 'key' }));
  out.push({ operation: 'read', text: 'lstat+read', per: 'key' });
  if (erasure && erasure.mode !== 'none') {
    out.push({ operation: 'erase', text: 'unlink', per: 'key' });
    out.push({ operation: 'erase', text: 'rmdir (emptied folders)', per: 'key' });
  }
  return out;
}

/**
 * The statements a step sends, as templates in the connectors' own words (SQL with
 * placeholders, Redis commands, file-system calls). SQL strategies are named rather than
 * spelled out: the dialect's expression is long and holds nothing a reader needs.
 */
export function stepStatements(
  node: Node,
  locators: readonly Locator[],
  erasure: StepErasure | undefined,
  rectify?: readonly string[],
): StatementTemplate[] {
  switch (node.datastore) {
    case 'redis':
      return redisTemplates(node, locators, erasure, rectify);
    case 'files':
      return filesTemplates(locators, erasure);
    default:
      return sqlTemplates(dialects[node.datastore], node, locators, erasure, rectify);
  }
}
