export { DESIGN_CSS } from './design/tokens.js';
export { escapeHtml, writeHtml } from './html.js';
export { negotiateLanguage } from './i18n/accept-language.js';
export type { MessageKey as RenderMessageKey, Messages as RenderMessages } from './i18n/index.js';
export { writeMarkdown } from './markdown.js';
export { buildPolicyDocument } from './model/build-document.js';
export type {
  Block as PolicyBlock,
  Field as PolicyField,
  Inline as PolicyInline,
  PolicyDocument,
  Section as PolicySection,
  Span as PolicySpan,
} from './model/types.js';
export * from './pages/privacy-center/index.js';
export { type RenderOptions, renderPolicy } from './render-policy.js';
export {
  buildRopa,
  type RopaCategory,
  type RopaController,
  type RopaErasure,
  type RopaOptions,
  type RopaRecipient,
  type RopaRecord,
  type RopaTransfer,
  ropaToCsv,
  ropaToJson,
} from './ropa/index.js';
