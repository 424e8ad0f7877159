import { IDENTITY_MATCH_RULES, type IdentityMatchRule, normaliseIdentity } from '@pledge/core';
import { valueError } from './errors.js';
import type { ColumnInfo } from './types.js';

/**
 * How one `locate` compares: the rule, and whether the column is compared as stored (it holds
 * values already normalised by the rule) or normalised in the query (`norm(column) = norm(value)`).
 */
export interface MatchSpec {
  rule: IdentityMatchRule;
  /** The column must be normalised before it is compared: a rule other than `exact`, not stored normalised. */
  normaliseColumn: boolean;
}

const rules = new Set<string>(IDENTITY_MATCH_RULES);

/** The match of a `where` (or a described locate): `exact` unless it says otherwise; an unknown rule is refused. */
export function matchSpec(where: { match?: unknown; normalised?: unknown } | undefined): MatchSpec {
  const rule = where?.match ?? 'exact';
  if (typeof rule !== 'string' || !rules.has(rule)) {
    throw valueError('value-invalid', 'where.match', `must be one of ${IDENTITY_MATCH_RULES.join(', ')}`);
  }
  const r = rule as IdentityMatchRule;
  return { rule: r, normaliseColumn: r !== 'exact' && where?.normalised !== true };
}

/**
 * The canonical text of a value asked for: a string as given, a number or bigint in its
 * JavaScript decimal form (`5`, never `05` or `5.0`), normalised by the rule. Null when it can
 * match nothing: blank, or without a canonical form under the rule (a phone that is not E.164).
 */
export function wantedText(value: string | number | bigint, rule: IdentityMatchRule): string | null {
  const text = typeof value === 'string' ? value : String(value);
  if (text.trim() === '') return null;
  return normaliseIdentity(rule, text);
}

const integerLiteral = /^-?(0|[1-9]\d*)$/;
const decimalLiteral = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

const uuidLiteral = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Whether a wanted text can be a value of the column: a numeric column takes only a canonical
 * literal of its type (`5`, not `05`, `5x`, `5.0` or `+5`). `bits` bounds a signed integer
 * column whose store refuses a literal out of its range (PostgreSQL) rather than matching nothing.
 */
export function fitsColumn(text: string, column: ColumnInfo | undefined, bits?: number): boolean {
  if (!column) return true;
  if (column.type === 'integer') {
    if (!integerLiteral.test(text) || text === '-0') return false;
    if (bits === undefined) return true;
    const n = BigInt(text);
    return n >= -(2n ** BigInt(bits)) && n < 2n ** BigInt(bits);
  }
  if (column.type === 'decimal') return decimalLiteral.test(text) && text !== '-0';
  if (column.dbType === 'uuid') return uuidLiteral.test(text);
  return true;
}

/** The canonical text of a decimal as a store returns it: `5.50` → `5.5`, `5.0` → `5`. */
function canonicalDecimal(text: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  let out = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  out = out.replace(/^(-?)0+(?=\d)/, '$1');
  return out === '-0' ? '0' : out;
}

/**
 * The text a stored value is compared by: numbers in canonical form, a PostgreSQL `char(n)`
 * without the padding its type adds, then normalised by the rule unless stored normalised.
 * Null (matches nothing) for a null, a non-scalar, or a value without a canonical form.
 */
export function storedText(value: unknown, column: ColumnInfo | undefined, spec: MatchSpec): string | null {
  if (value === null || value === undefined) return null;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'bigint') text = String(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else if (value instanceof Uint8Array) text = Buffer.from(value).toString('utf8');
  else return null;
  if (column?.type === 'decimal') text = canonicalDecimal(text);
  if (column?.dbType === 'character') text = text.replace(/ +$/, '');
  if (!spec.normaliseColumn) return text;
  return normaliseIdentity(spec.rule, text);
}
