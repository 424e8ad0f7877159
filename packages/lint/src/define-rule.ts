import { formatPath, type Issue } from '@pledge/core';
import type { LintContext } from './context.js';
import type { LintPath, LintRule, RuleSpec } from './types.js';

/** Turns a rule file's spec into a {@link LintRule} whose issues carry the rule code and severity. */
export function defineRule(spec: RuleSpec): LintRule {
  const { check, ...meta } = spec;
  return {
    ...meta,
    check(ctx: LintContext): Issue[] {
      const issues: Issue[] = [];
      check(ctx, (path: LintPath, message: string) => {
        issues.push({
          code: meta.code,
          severity: meta.severity,
          path: typeof path === 'string' ? path : formatPath(path),
          message,
        });
      });
      return issues;
    },
  };
}
