export type { LintContext } from './context';
export { createLintContext } from './context';
export { renderLintDocs } from './docs';
export { applyPatch } from './examples/apply-patch';
export { baseManifest } from './examples/base';
export { exampleManifest } from './examples/example-manifest';
export { lintManifest, lintRules } from './lint-manifest';
export { isPlaceholder, type PlaceholderKind, placeholderKind } from './placeholder';
export type { LintExamples, LintRule, LintRuleMeta, ManifestPatch } from './types';
