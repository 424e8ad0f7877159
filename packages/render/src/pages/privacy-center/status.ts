import type { RequestRight, RequestState } from '@pledge/requests';
import { escapeHtml } from '../../html.js';
import { renderCenterPage } from './layout.js';
import type { CenterKey } from './messages-en.js';
import { centerHref, centerText, dateHtml } from './text.js';
import type { CenterPageInput } from './types.js';

/** A request as its person sees it. */
export interface CenterRequestView {
  readonly id: string;
  readonly right: RequestRight;
  readonly state: RequestState;
  readonly receivedAt: Date;
  /** When the answer is due; undefined while the clock has not started. */
  readonly dueAt?: Date;
  /** Reasons given with a denial, an extension or a question. */
  readonly reasons?: string;
  /** A short-lived link to the package, once there is one. */
  readonly downloadUrl?: string;
}

/** The status page's input. */
export interface StatusPageInput extends CenterPageInput {
  /** The request, or undefined when it is not this visitor's (or not known). */
  readonly request?: CenterRequestView;
}

const BADGE: Partial<Record<RequestState, string>> = {
  completed: 'ok',
  denied: 'danger',
  'needs-clarification': 'warn',
  extended: 'warn',
};

/** `/privacy/requests/:id`: the request's state, when it was received, its due date and, when ready, the download. */
export function renderStatusPage(input: StatusPageInput): string {
  const { lang, request } = input;
  const t = (key: CenterKey, p?: Record<string, string>) => centerText(lang, key, p);
  if (request === undefined) {
    return renderCenterPage({
      ...input,
      title: t('status.title'),
      section: 'requests',
      body: `<p>${escapeHtml(t('status.notFound'))}</p><p><a href="${escapeHtml(centerHref('/privacy/requests', lang))}">${escapeHtml(t('nav.requests'))}</a></p>`,
    });
  }
  const badge = BADGE[request.state];
  const rows = [
    [t('status.right'), escapeHtml(t(`right.${request.right}`))],
    [
      t('status.state'),
      `<span class="badge${badge ? ` ${badge}` : ''}">${escapeHtml(t(`state.${request.state}`))}</span>`,
    ],
    [t('status.received'), dateHtml(request.receivedAt)],
    [
      t('status.due'),
      request.dueAt ? `<strong>${dateHtml(request.dueAt)}</strong>` : escapeHtml(t('status.dueNone')),
    ],
    ...(request.reasons ? [[t('status.reason'), escapeHtml(request.reasons)]] : []),
  ];
  const verify =
    request.state === 'verifying' || request.state === 'received'
      ? `<p><a class="button" href="${escapeHtml(centerHref(`/privacy/requests/${encodeURIComponent(request.id)}/verify`, lang))}">${escapeHtml(t('status.verify'))}</a></p>`
      : '';
  const download = request.downloadUrl
    ? `<p><a class="button" href="${escapeHtml(request.downloadUrl)}" download>${escapeHtml(t('status.download'))}</a></p><p class="hint">${escapeHtml(t('status.downloadHint'))}</p>`
    : '';
  const body = [
    '<dl class="status">',
    ...rows.map(([dt, dd]) => `<dt>${escapeHtml(dt ?? '')}</dt><dd>${dd}</dd>`),
    '</dl>',
    verify,
    download,
  ].join('\n');
  return renderCenterPage({ ...input, title: t('status.title'), section: 'requests', body });
}
