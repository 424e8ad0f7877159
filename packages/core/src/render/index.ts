export { escapeHtml, writeHtml } from './html';
export type { MessageKey as RenderMessageKey, Messages as RenderMessages } from './i18n/index';
export { writeMarkdown } from './markdown';
export { buildPolicyDocument } from './model/build-document';
export type {
  Block as PolicyBlock,
  Field as PolicyField,
  Inline as PolicyInline,
  PolicyDocument,
  Section as PolicySection,
  Span as PolicySpan,
} from './model/types';
export { type RenderOptions, renderPolicy } from './render-policy';
