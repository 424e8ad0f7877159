import {
  type IdentityKind,
  type Issue,
  identityProblemMessage,
  identityValueProblem,
  type Manifest,
  matchRuleOf,
  normaliseIdentity,
} from '@pledge/core';
import type { IdentityValues } from '../plan/types.js';

/**
 * Identity kinds whose values are built into a Redis key or a file path: a kind held by the
 * key placeholder of a Redis collection, or by the folder placeholder of a files collection.
 */
export function keyBuiltKinds(manifest: Pick<Manifest, 'datasets'>): Set<IdentityKind> {
  const out = new Set<IdentityKind>();
  for (const dataset of manifest.datasets) {
    const kind = dataset.datastore.kind;
    if (kind !== 'redis' && kind !== 'files') continue;
    for (const collection of dataset.collections) {
      // The key pattern's (or folder pattern's) placeholder is the part a value is built into.
      const placeholder = /\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(collection.name)?.[1];
      for (const field of collection.fields) {
        if (field.identity && field.name === placeholder) out.add(field.identity);
      }
    }
  }
  return out;
}

function invalid(path: string, rule: string): Issue {
  return { code: 'dsr.identity-invalid', severity: 'error', path, message: `${path} ${rule}` };
}

/**
 * Checks a request's identity values before any lookup: each is text, not empty or blank,
 * bounded, without control characters; a kind built into a Redis key or file path holds no
 * glob character, separator or `..`; and a value has a form under its kind's match rule (a
 * phone under `e164`). Issues name the value by its path (`identity.email[0]`), never quote it.
 */
export function identityIssues(
  manifest: Pick<Manifest, 'datasets' | 'identities'>,
  identity: IdentityValues,
): Issue[] {
  const issues: Issue[] = [];
  if (typeof identity !== 'object' || identity === null) return [invalid('identity', 'must be an object')];
  const keyBuilt = keyBuiltKinds(manifest);
  for (const [kind, values] of Object.entries(identity) as Array<[IdentityKind, unknown]>) {
    const base = `identity.${/^[a-z-]+$/.test(kind) ? kind : '(kind)'}`;
    if (!Array.isArray(values)) {
      issues.push(invalid(base, 'must be a list of values'));
      continue;
    }
    values.forEach((value: unknown, i) => {
      const path = `${base}[${i}]`;
      const problem = identityValueProblem(value, { key: keyBuilt.has(kind) });
      if (problem) issues.push(invalid(path, identityProblemMessage(problem)));
      else if (
        matchRuleOf(manifest, kind) === 'e164' &&
        normaliseIdentity('e164', value as string) === null
      ) {
        issues.push(invalid(path, 'is not a phone number in E.164 form (+ and 7 to 15 digits)'));
      }
    });
  }
  return issues;
}
