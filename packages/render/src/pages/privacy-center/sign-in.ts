import { escapeHtml } from '../../html.js';
import { hiddenFields, renderCenterPage } from './layout.js';
import type { CenterKey } from './messages-en.js';
import { centerText } from './text.js';
import type { CenterPageInput } from './types.js';

/** `/privacy/sign-in`: an e-mail address to send a code to, or (with `requestId`) the code. */
export interface SignInPageInput extends CenterPageInput {
  /** Whether addresses can be confirmed here (the server can send codes). */
  readonly available: boolean;
  /** The code step, once a code was asked for; `wrong` when the last code failed. */
  readonly codeStep?: { readonly wrong: boolean };
}

/** `/privacy/sign-in`: confirm an e-mail address with a one-time code. */
export function renderSignInPage(input: SignInPageInput): string {
  const t = (key: CenterKey) => centerText(input.lang, key);
  if (!input.available) {
    return renderCenterPage({
      ...input,
      title: t('signIn.title'),
      body: `<div class="notice warn" role="status"><p>${escapeHtml(t('signIn.unavailable'))}</p></div>`,
    });
  }
  if (input.codeStep) {
    return renderCenterPage({
      ...input,
      title: t('signIn.codeTitle'),
      ...(input.codeStep.wrong ? { notice: { tone: 'danger' as const, text: t('verify.wrong') } } : {}),
      body: [
        `<p class="page-lead">${escapeHtml(t('signIn.codeLead'))}</p>`,
        `<form method="post" action="/privacy/sign-in/code">${hiddenFields(input)}`,
        `<label for="si-code">${escapeHtml(t('verify.code'))}</label>`,
        `<input id="si-code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="12">`,
        `<div class="actions"><button type="submit">${escapeHtml(t('verify.submit'))}</button></div>`,
        '</form>',
      ].join('\n'),
    });
  }
  return renderCenterPage({
    ...input,
    title: t('signIn.title'),
    body: [
      `<p class="page-lead">${escapeHtml(t('signIn.lead'))}</p>`,
      `<form method="post" action="/privacy/sign-in">${hiddenFields(input)}`,
      `<label for="si-email">${escapeHtml(t('signIn.email'))}</label>`,
      '<input id="si-email" name="email" type="email" autocomplete="email" required>',
      `<div class="actions"><button type="submit">${escapeHtml(t('signIn.send'))}</button></div>`,
      '</form>',
    ].join('\n'),
  });
}
