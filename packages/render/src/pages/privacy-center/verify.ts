import { escapeHtml } from '../../html.js';
import { hiddenFields, renderCenterPage } from './layout.js';
import type { CenterKey } from './messages-en.js';
import { centerText } from './text.js';
import type { CenterNotice, CenterPageInput } from './types.js';

/** The verification page's input. */
export interface VerifyPageInput extends CenterPageInput {
  readonly requestId: string;
  /** The last code was wrong or expired. */
  readonly wrong?: boolean;
}

/** `/privacy/requests/:id/verify`: enter the code sent by e-mail. */
export function renderVerifyPage(input: VerifyPageInput): string {
  const t = (key: CenterKey) => centerText(input.lang, key);
  const notice: CenterNotice | undefined = input.wrong
    ? { tone: 'danger', text: t('verify.wrong') }
    : undefined;
  const body = [
    `<p class="page-lead">${escapeHtml(t('verify.lead'))}</p>`,
    `<form method="post" action="/privacy/requests/${encodeURIComponent(input.requestId)}/verify">${hiddenFields(input)}`,
    `<label for="vf-code">${escapeHtml(t('verify.code'))}</label>`,
    `<input id="vf-code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="12"${input.wrong ? ' aria-invalid="true"' : ''}>`,
    `<div class="actions"><button type="submit">${escapeHtml(t('verify.submit'))}</button></div>`,
    '</form>',
  ].join('\n');
  return renderCenterPage({
    ...input,
    title: t('verify.title'),
    section: 'requests',
    body,
    ...(notice ? { notice } : {}),
  });
}
