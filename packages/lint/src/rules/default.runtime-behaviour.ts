import { PROMISE_FIELDS } from '@pledge/core';
import { defineRule } from '../define-rule.js';

/** Fields whose default changes what Pledge does at run time, with what it does. */
const RUNTIME_FIELDS = PROMISE_FIELDS.filter((field) => field.behaviour !== undefined);

/** Concrete paths (`trackers[3].essential`) of a field path with `[]` for every entry. */
function concretePaths(value: unknown, path: string): string[] {
  const open = path.indexOf('[]');
  if (open === -1) return [path];
  const list = path
    .slice(0, open)
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
  if (!Array.isArray(list)) return [];
  return list.flatMap((_, index) =>
    concretePaths(value, `${path.slice(0, open)}[${index}]${path.slice(open + 2)}`),
  );
}

/** A field left out whose default changes run-time behaviour. */
export const defaultRuntimeBehaviour = defineRule({
  code: 'default.runtime-behaviour',
  severity: 'info',
  title: 'A default decides what Pledge does at run time',
  description:
    'Reports a field the manifest leaves out (`signals.globalPrivacyControl`, `signals.doNotTrack`) whose default changes what Pledge does when it decides, and says what that is.',
  why: 'The rendered policy says nothing about a field the manifest leaves out, yet Pledge still has to act on it: it honours Global Privacy Control as an opt-out of sale and sharing, and does not honour Do Not Track. Stating the field makes the policy and the behaviour agree on purpose rather than by default.',
  check(ctx, report) {
    for (const field of RUNTIME_FIELDS) {
      for (const path of concretePaths(ctx.manifest, field.path)) {
        if (!ctx.stated(path)) report(path, `left out: Pledge acts on its default, ${field.behaviour}`);
      }
    }
  },
  examples: {
    failing: { signals: { globalPrivacyControl: null } },
    passing: { signals: { globalPrivacyControl: true } },
  },
});
