import { escapeHtml } from '@pledge/render';

/** The outcome of a form just posted: a refusal (with its stable code) or a success. */
export interface FormNotice {
  readonly kind: 'error' | 'success';
  readonly message: string;
  readonly code?: string;
}

/** A form's outcome as a card: an alert naming the refusal's code, or a status line. */
export function noticeHtml(notice: FormNotice | undefined): string {
  if (!notice) return '';
  const code = notice.code ? ` <code>${escapeHtml(notice.code)}</code>` : '';
  return notice.kind === 'error'
    ? `<div class="card" role="alert"><strong class="error">Refused</strong>: ${escapeHtml(notice.message)}${code}</div>`
    : `<div class="card" role="status"><strong>Done</strong>: ${escapeHtml(notice.message)}</div>`;
}
