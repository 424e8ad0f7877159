import { writeHtmlContent } from '../../html.js';
import { buildPolicyDocument } from '../../model/build-document.js';
import { renderCenterPage } from './layout.js';
import type { CenterPageInput } from './types.js';

/** `/privacy/policy`: the policy in force in the page's language, inside the center's frame. */
export function renderCenterPolicy(input: CenterPageInput): string {
  const doc = buildPolicyDocument(input.manifest, input.lang);
  return renderCenterPage({
    ...input,
    title: doc.title,
    section: 'policy',
    body: `<div class="policy-body">${writeHtmlContent(doc)}</div>`,
  });
}
