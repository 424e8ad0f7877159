import { escapeHtml } from '../../html.js';
import { hiddenFields, renderCenterPage } from './layout.js';
import { centerHref, centerText } from './text.js';
import type { CenterNotice, CenterPageInput } from './types.js';

/** The overview page's input. */
export interface OverviewInput extends CenterPageInput {
  /** The version label of the policy in force. */
  readonly policyVersion: string;
  readonly notice?: CenterNotice;
}

/** A card linking to one part of the center. */
function card(title: string, text: string, href: string, extra = ''): string {
  return `<section class="card${extra}"><h2><a href="${escapeHtml(href)}">${escapeHtml(title)}</a></h2><p>${escapeHtml(text)}</p></section>`;
}

/** Who the visitor is, with a way to confirm an address or to be forgotten on this device. */
export function identityHtml(input: CenterPageInput): string {
  const t = (key: Parameters<typeof centerText>[1], p?: Record<string, string>) =>
    centerText(input.lang, key, p);
  if (input.identified === undefined) {
    return `<div class="notice"><p>${escapeHtml(t('identity.signedOut'))}</p><p><a class="button secondary" href="${escapeHtml(centerHref('/privacy/sign-in', input.lang))}">${escapeHtml(t('identity.signIn'))}</a></p></div>`;
  }
  return [
    `<div class="notice ok"><p>${escapeHtml(t('identity.signedIn', { who: input.identified }))}</p>`,
    `<form method="post" action="/privacy/sign-out">${hiddenFields(input)}<button type="submit" class="secondary">${escapeHtml(t('identity.signOut'))}</button></form></div>`,
  ].join('');
}

/** `/privacy`: what the center offers, and who the visitor is identified as. */
export function renderCenterOverview(input: OverviewInput): string {
  const { lang } = input;
  const t = (key: Parameters<typeof centerText>[1], p?: Record<string, string>) => centerText(lang, key, p);
  const body = [
    `<p class="page-lead">${escapeHtml(t('overview.lead'))}</p>`,
    identityHtml(input),
    '<div class="cards">',
    card(
      t('nav.policy'),
      t('overview.policy', { version: input.policyVersion }),
      centerHref('/privacy/policy', lang),
    ),
    card(t('nav.consent'), t('overview.consent'), centerHref('/privacy/consent', lang)),
    card(t('nav.requests'), t('overview.requests'), centerHref('/privacy/requests', lang)),
    card(
      t('delete.title'),
      t('overview.delete'),
      centerHref('/privacy/delete-account', lang),
      ' danger-zone',
    ),
    '</div>',
  ].join('\n');
  return renderCenterPage({
    ...input,
    title: t('center.title'),
    section: 'overview',
    body,
    ...(input.notice ? { notice: input.notice } : {}),
  });
}
