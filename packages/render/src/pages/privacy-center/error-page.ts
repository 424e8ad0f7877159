import { escapeHtml } from '../../html.js';
import { renderCenterPage } from './layout.js';
import type { CenterKey } from './messages-en.js';
import { centerHref, centerText } from './text.js';
import type { CenterPageInput } from './types.js';

/** A refusal page (expired form, bad input) with a way back. */
export function renderCenterError(input: CenterPageInput & { readonly message: CenterKey }): string {
  const t = (key: CenterKey) => centerText(input.lang, key);
  return renderCenterPage({
    ...input,
    title: t('error.title'),
    notice: { tone: 'danger', text: t(input.message) },
    body: `<p><a href="${escapeHtml(centerHref('/privacy', input.lang))}">${escapeHtml(t('error.back'))}</a></p>`,
  });
}
