import type { z } from 'zod';
import { closestMatch, withDidYouMean } from '../result/did-you-mean.js';

/** A schema problem ready to be placed in the YAML: stable code, path and message. */
export interface SchemaProblem {
  code: string;
  path: Array<string | number>;
  message: string;
}

type RawIssue = z.core.$ZodRawIssue;
type ZodIssue = z.core.$ZodIssue;

/** How many allowed values or keys a message lists before `...`. */
const MAX_LISTED = 16;
/** How much of a wrong value a message repeats. */

/**
 * Error map for parsing a manifest: names the keys an object takes (so a union's object branch
 * says what it expects) and suggests the closest known key for an unknown one. Other issues keep
 * zod's message.
 */
export const manifestErrorMap: z.core.$ZodErrorMap = (issue: RawIssue) => {
  const keys = objectKeys(issue.inst);
  if (issue.code === 'invalid_type' && issue.expected === 'object' && keys) {
    return `an object with keys ${list(keys)}`;
  }
  if (issue.code === 'unrecognized_keys' && keys) {
    const unknown = issue.keys.map((key) => {
      const match = closestMatch(key, keys);
      return match === undefined ? `"${key}"` : `"${key}" (did you mean "${match}"?)`;
    });
    return `unknown ${unknown.length === 1 ? 'key' : 'keys'} ${unknown.join(', ')}; allowed: ${list(keys)}`;
  }
  return undefined;
};

/**
 * Turns a zod issue into the problems to report. A bad enum or literal value names the allowed
 * values (with "did you mean" for a close one); a union whose value matched none of its shapes
 * names what each shape takes instead of zod's "Invalid input"; a union whose value matched one
 * shape's type but not its content reports the problems inside that shape, where they are.
 *
 * @param input - the whole parsed document, to quote the offending value
 */
export function schemaProblems(issue: ZodIssue, input: unknown): SchemaProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const value = valueAt(input, path);
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const inner = issue.errors.find((branch) => branch.length > 0 && branch.every(matchedShape));
    if (inner) {
      return inner.flatMap((i) => schemaProblems({ ...i, path: [...path, ...i.path] }, input));
    }
    const shapes = issue.errors.flatMap((branch) =>
      branch.filter((i) => i.path.length === 0).map((i) => expectation(i)),
    );
    const allowed = issue.errors.flatMap((branch) =>
      branch.flatMap((i) => (i.path.length === 0 && i.code === 'invalid_value' ? i.values : [])),
    );
    return [
      {
        code: `schema.${issue.code}`,
        path,
        message: suggest(
          `expected ${[...new Set(shapes)].join(', or ')}; got ${echo(value)}`,
          value,
          allowed,
        ),
      },
    ];
  }
  if (issue.code === 'invalid_value') {
    return [
      {
        code: `schema.${issue.code}`,
        path,
        message: suggest(`${expectation(issue)}; got ${echo(value)}`, value, issue.values),
      },
    ];
  }
  if (issue.code === 'invalid_type') {
    const expected = expectation(issue);
    const message =
      value === undefined ? `missing; expected ${expected}` : `expected ${expected}; got ${echo(value)}`;
    return [{ code: `schema.${issue.code}`, path, message }];
  }
  return [{ code: `schema.${issue.code}`, path, message: issue.message }];
}

/**
 * True when a union branch's issue shows the value had the branch's shape (an object with a bad
 * key or field), rather than being of another type or value altogether.
 */
function matchedShape(issue: ZodIssue): boolean {
  if (issue.path.length > 0) return true;
  return issue.code !== 'invalid_type' && issue.code !== 'invalid_value' && issue.code !== 'invalid_union';
}

/** What one issue says the value should be: `one of a, b`, `text`, `an object with keys ...`. */
function expectation(issue: ZodIssue): string {
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((v) => (typeof v === 'string' ? v : String(v)));
    return values.length === 1 ? `expected ${values[0]}` : `one of ${list(values)}`;
  }
  if (issue.code === 'invalid_type') {
    if (issue.message.startsWith('an object')) return issue.message;
    return TYPE_NAMES[issue.expected] ?? issue.expected;
  }
  return issue.message;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

function suggest(message: string, value: unknown, allowed: ReadonlyArray<unknown>): string {
  const full = message.startsWith('one of') ? `expected ${message}` : message;
  if (typeof value !== 'string') return full;
  return withDidYouMean(
    full,
    value,
    allowed.filter((v): v is string => typeof v === 'string'),
  );
}

/**
 * What was found, by its type only: a manifest sent through the API may carry anything,
 * personal data included, and messages end up in answers and logs, so values are never quoted
 * (the line and column point at them).
 */
function echo(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : 'a string';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `a ${typeof value}`;
}

function list(values: ReadonlyArray<string>): string {
  const shown = values.slice(0, MAX_LISTED).join(', ');
  return values.length > MAX_LISTED ? `${shown}, ...` : shown;
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** The keys of an object schema, or undefined for any other schema. */
function objectKeys(inst: RawIssue['inst']): string[] | undefined {
  const def = (inst as z.core.$ZodType | undefined)?._zod?.def;
  if (def?.type !== 'object') return undefined;
  return Object.keys((def as z.core.$ZodObjectDef).shape);
}
