import type { Deadline, JurisdictionKey } from '@pledge/core';
import type { RequestRight } from '@pledge/requests';
import { createRenderContext } from '../../context.js';
import { deadlineText } from '../../format/deadline.js';
import { escapeHtml } from '../../html.js';
import { hiddenFields, renderCenterPage } from './layout.js';
import type { CenterKey } from './messages-en.js';
import { centerHref, centerText } from './text.js';
import type { CenterNotice, CenterPageInput } from './types.js';

/** Rights whose form asks what should change (the details are then required). */
export const DETAILS_REQUIRED: ReadonlySet<RequestRight> = new Set<RequestRight>(['rectification']);

/** A right the privacy center offers a form for, and where it applies. */
export interface OfferedRight {
  readonly right: RequestRight;
  /** `everyone`, or the jurisdictions (of the manifest or the law's data) that grant it. */
  readonly where: 'everyone' | readonly JurisdictionKey[];
  /** The deadline the policy states for it, if any. */
  readonly deadline?: Deadline;
}

/** The rights list's input. */
export interface RequestsPageInput extends CenterPageInput {
  /** The rights granted, in the order to list them. */
  readonly rights: readonly OfferedRight[];
  /** Whether requests can be made here (the server has a request store). */
  readonly available: boolean;
}

/** `/privacy/requests`: each right the manifest grants, where it applies, its deadline, and a link to ask. */
export function renderRequestsPage(input: RequestsPageInput): string {
  const { lang } = input;
  const t = (key: CenterKey, p?: Record<string, string>) => centerText(lang, key, p);
  const ctx = createRenderContext(input.manifest, lang);
  const { rights } = input;
  const items = rights.map(({ right, where: scope, deadline }) => {
    const where =
      scope === 'everyone' ? t('requests.everyone') : ctx.join(scope.map((j) => ctx.t(`jurisdiction.${j}`)));
    const path =
      right === 'deregistration' ? '/privacy/delete-account' : `/privacy/requests/new?right=${right}`;
    const ask = input.available
      ? `<a class="button${right === 'deregistration' ? ' danger' : ''}" href="${escapeHtml(centerHref(path, lang))}" aria-label="${escapeHtml(`${t('requests.ask')}: ${t(`right.${right}`)}`)}">${escapeHtml(t('requests.ask'))}</a>`
      : '';
    return [
      '<li><div class="what">',
      `<h2 class="visually-hidden">${escapeHtml(t(`right.${right}`))}</h2>`,
      `<p><strong>${escapeHtml(t(`right.${right}`))}</strong></p>`,
      `<p class="hint">${escapeHtml(t('requests.where', { where }))}`,
      deadline ? ` ${escapeHtml(t('requests.deadline', { deadline: deadlineText(ctx, deadline) }))}` : '',
      '</p></div>',
      ask,
      '</li>',
    ].join('');
  });
  const complaint = input.manifest.rights.some((r) => r.right === 'complaint')
    ? `<p class="hint">${escapeHtml(t('requests.complaint'))}</p>`
    : '';
  const body =
    rights.length === 0
      ? `<p>${escapeHtml(t('requests.none'))}</p>`
      : [
          `<p class="page-lead">${escapeHtml(t('requests.lead'))}</p>`,
          input.available
            ? ''
            : `<div class="notice warn" role="status"><p>${escapeHtml(t('requests.unavailable'))}</p></div>`,
          `<ul class="rights">${items.join('\n')}</ul>`,
          complaint,
        ].join('\n');
  return renderCenterPage({ ...input, title: t('requests.title'), section: 'requests', body });
}

/** What the visitor entered, shown again when the form is refused. */
export interface RequestFormValues {
  readonly email?: string;
  readonly details?: string;
  readonly jurisdiction?: string;
}

/** A request form's input. */
export interface RequestFormInput extends CenterPageInput {
  readonly right: RequestRight;
  readonly values?: RequestFormValues;
  /** Why the last post was refused (a `form.problem.*` key). */
  readonly problem?: 'form.problem.email' | 'form.problem.details' | 'form.problem.confirm';
}

/** The fields every request form shares: e-mail address, where the person lives, details. */
function requestFields(input: RequestFormInput): string {
  const { lang } = input;
  const t = (key: CenterKey, p?: Record<string, string>) => centerText(lang, key, p);
  const ctx = createRenderContext(input.manifest, lang);
  const v = input.values ?? {};
  const invalid = (problem: RequestFormInput['problem']) =>
    input.problem === problem ? ' aria-invalid="true"' : '';
  const jurisdictions: readonly JurisdictionKey[] = input.manifest.policy.jurisdictions;
  const options = [
    `<option value="">${escapeHtml(t('form.jurisdictionAny'))}</option>`,
    ...jurisdictions.map(
      (j) =>
        `<option value="${j}"${v.jurisdiction === j ? ' selected' : ''}>${escapeHtml(ctx.t(`jurisdiction.${j}`))}</option>`,
    ),
  ].join('');
  const hintKey = `form.detailsHint.${input.right}` as CenterKey;
  const hint = t(
    (['rectification', 'objection', 'automated-decision-review'] as string[]).includes(input.right)
      ? hintKey
      : 'form.detailsHint.default',
  );
  const required = DETAILS_REQUIRED.has(input.right) ? ' required' : '';
  return [
    '<label for="rq-email">',
    escapeHtml(t('form.email')),
    '</label>',
    `<input id="rq-email" name="email" type="email" autocomplete="email" required aria-describedby="rq-email-hint" value="${escapeHtml(v.email ?? '')}"${invalid('form.problem.email')}>`,
    `<p class="hint" id="rq-email-hint">${escapeHtml(t('form.emailHint'))}</p>`,
    `<label for="rq-jurisdiction">${escapeHtml(t('form.jurisdiction'))}</label>`,
    `<select id="rq-jurisdiction" name="jurisdiction">${options}</select>`,
    `<label for="rq-details">${escapeHtml(t('form.details'))}</label>`,
    `<textarea id="rq-details" name="details" rows="4" maxlength="2000" aria-describedby="rq-details-hint"${required}${invalid('form.problem.details')}>${escapeHtml(v.details ?? '')}</textarea>`,
    `<p class="hint" id="rq-details-hint">${escapeHtml(hint)}</p>`,
  ].join('\n');
}

function problemNotice(input: RequestFormInput): CenterNotice | undefined {
  if (!input.problem) return undefined;
  return {
    tone: 'danger',
    text: centerText(input.lang, 'form.error', { problem: centerText(input.lang, input.problem) }),
  };
}

/** `/privacy/requests/new?right=`: the form of one right, posted to `/privacy/requests`. */
export function renderRequestForm(input: RequestFormInput): string {
  const { lang } = input;
  const t = (key: CenterKey, p?: Record<string, string>) => centerText(lang, key, p);
  const notice = problemNotice(input);
  const body = [
    `<p class="page-lead">${escapeHtml(t('requests.lead'))}</p>`,
    `<form method="post" action="/privacy/requests" novalidate>${hiddenFields(input)}`,
    `<input type="hidden" name="right" value="${escapeHtml(input.right)}">`,
    requestFields(input),
    `<div class="actions"><button type="submit">${escapeHtml(t('form.submit'))}</button></div>`,
    '</form>',
  ].join('\n');
  return renderCenterPage({
    ...input,
    title: t('form.title', { right: t(`right.${input.right}`) }),
    section: 'requests',
    body,
    ...(notice ? { notice: { ...notice } } : {}),
  });
}

/** `/privacy/delete-account`: what deleting the account means, a confirmation box, and the request form. */
export function renderDeleteAccount(input: Omit<RequestFormInput, 'right'>): string {
  const { lang } = input;
  const t = (key: CenterKey, p?: Record<string, string>) => centerText(lang, key, p);
  const form: RequestFormInput = { ...input, right: 'deregistration' };
  const notice = problemNotice(form);
  const invalid = input.problem === 'form.problem.confirm' ? ' aria-invalid="true"' : '';
  const body = [
    `<div class="notice danger"><p><strong>${escapeHtml(t('delete.warning'))}</strong></p><p>${escapeHtml(t('delete.keep'))}</p></div>`,
    `<form method="post" action="/privacy/requests" novalidate>${hiddenFields(input)}`,
    '<input type="hidden" name="right" value="deregistration">',
    requestFields(form),
    `<label for="rq-confirm"><input type="checkbox" id="rq-confirm" name="confirm" value="yes" required${invalid}> ${escapeHtml(t('delete.confirm'))}</label>`,
    '<div class="actions">',
    `<button type="submit" class="danger">${escapeHtml(t('delete.submit'))}</button>`,
    `<a class="button secondary" href="${escapeHtml(centerHref('/privacy', lang))}">${escapeHtml(t('delete.cancel'))}</a>`,
    '</div>',
    '</form>',
  ].join('\n');
  return renderCenterPage({
    ...input,
    title: t('delete.title'),
    section: 'requests',
    body,
    ...(notice ? { notice } : {}),
  });
}
