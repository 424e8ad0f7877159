import type { Issue, ManifestInput, Severity } from '@pledge/core';
import type { LintContext } from './context.js';

/**
 * A partial manifest merged into the lint example base manifest.
 * Objects merge key by key, a `null` value removes the key, list entries that carry an `id`
 * (entries of `rights`: a `right`) merge into the base entry with the same value (or are
 * appended), and any other list replaces the base list.
 */
export type ManifestPatch = Patch<ManifestInput>;

/** Deep partial used by {@link ManifestPatch}. */
export type Patch<T> =
  T extends ReadonlyArray<infer U>
    ? ReadonlyArray<Patch<U>>
    : T extends object
      ? { [K in keyof T]?: Patch<T[K]> | null }
      : T;

/** A failing and a passing example for a rule, each a patch of the base manifest. */
export interface LintExamples {
  /** Produces at least one issue with the rule code. */
  failing: ManifestPatch;
  /** Produces no issue with the rule code. */
  passing: ManifestPatch;
}

/** Public description of a lint rule. */
export interface LintRuleMeta {
  /** Stable kebab-case code with a dotted family, e.g. `contact.placeholder`. */
  code: string;
  severity: Severity;
  /** One line, for lists. */
  title: string;
  /** What the rule checks. */
  description: string;
  /** The legal or logical reason, with a citation where a law is involved. */
  why: string;
  examples: LintExamples;
}

/** A lint rule: metadata plus the check. */
export interface LintRule extends LintRuleMeta {
  /** Returns the rule findings for the manifest in `ctx`, each with this rule's code and severity. */
  check(ctx: LintContext): Issue[];
}

/** A path given as a formatted string or as segments. */
export type LintPath = string | ReadonlyArray<string | number>;

/** Records one finding of the rule being checked. */
export type Report = (path: LintPath, message: string) => void;

/** What a rule file declares; {@link defineRule} turns it into a {@link LintRule}. */
export interface RuleSpec extends LintRuleMeta {
  check(ctx: LintContext, report: Report): void;
}
