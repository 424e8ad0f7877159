import type { Issue, Language, Manifest } from '@pledge/core';
import { lintManifest } from '@pledge/lint';
import { renderPolicy } from '@pledge/render';

/** Formats the policy renders in. */
export type PolicyFormat = 'html' | 'md';

/** What the routes serve: one validated manifest, its lint findings and its renders. */
export interface ServerContext {
  readonly manifest: Manifest;
  /** Where the manifest came from, for display (a path relative to the working directory). */
  readonly source: string;
  /** Lint findings, computed once, looking ahead from the time the context was built. */
  readonly lint: readonly Issue[];
  /** The rendered policy; each language and format is rendered once, on first use. */
  render(lang: Language, format: PolicyFormat): string;
}

/** Builds the context of a manifest. */
export function createContext(manifest: Manifest, source: string): ServerContext {
  const renders = new Map<string, string>();
  return {
    manifest,
    source,
    lint: lintManifest(manifest, { now: new Date() }),
    render(lang, format) {
      const key = `${lang}|${format}`;
      let text = renders.get(key);
      if (text === undefined) {
        text = renderPolicy(manifest, { lang, format });
        renders.set(key, text);
      }
      return text;
    },
  };
}
