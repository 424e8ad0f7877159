import type { Language, Manifest } from '@pledge/core';
import { writeHtml } from './html.js';
import { writeMarkdown } from './markdown.js';
import { buildPolicyDocument } from './model/build-document.js';

/** Options for {@link renderPolicy}. */
export interface RenderOptions {
  /** `html`: a standalone HTML5 page; `md`: GitHub-flavoured Markdown. */
  format: 'html' | 'md';
  lang: Language;
}

/**
 * Renders the human-readable privacy policy of a manifest. Pure and deterministic:
 * the same manifest and options always give the same text.
 *
 * @example
 * const result = parseManifest(yamlText);
 * if (result.ok) writeFile('privacy.html', renderPolicy(result.manifest, { format: 'html', lang: 'zh-CN' }));
 */
export function renderPolicy(manifest: Manifest, options: RenderOptions): string {
  const doc = buildPolicyDocument(manifest, options.lang);
  return options.format === 'html' ? writeHtml(doc) : writeMarkdown(doc);
}
