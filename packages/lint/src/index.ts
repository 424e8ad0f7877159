export type { LintContext, LintOptions } from './context.js';
export { createLintContext } from './context.js';
export { renderLintDocs } from './docs.js';
export { applyPatch } from './examples/apply-patch.js';
export { baseManifest } from './examples/base.js';
export { exampleManifest } from './examples/example-manifest.js';
export { lintManifest, lintRules } from './lint-manifest.js';
export { isPlaceholder, type PlaceholderKind, placeholderKind } from './placeholder.js';
export {
  type AcceptedFinding,
  type PublishGate,
  publishGate,
  type UnusedOverride,
} from './publish-gate.js';
export type { LintExamples, LintRule, LintRuleMeta, ManifestPatch } from './types.js';
