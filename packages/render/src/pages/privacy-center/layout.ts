import type { Language } from '@pledge/core';
import { DESIGN_CSS } from '../../design/tokens.js';
import { escapeHtml } from '../../html.js';
import { CENTER_CSS } from './center-css.js';
import type { CenterKey } from './messages-en.js';
import { centerHref, centerText, manifestText } from './text.js';
import type { CenterNotice, CenterPageInput, CenterSection } from './types.js';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

const NAV: ReadonlyArray<{ id: CenterSection; path: string; label: CenterKey }> = [
  { id: 'overview', path: '/privacy', label: 'nav.overview' },
  { id: 'policy', path: '/privacy/policy', label: 'nav.policy' },
  { id: 'consent', path: '/privacy/consent', label: 'nav.consent' },
  { id: 'requests', path: '/privacy/requests', label: 'nav.requests' },
];

/** A page of the privacy center: its title, section and body (already escaped HTML). */
export interface CenterLayoutInput extends CenterPageInput {
  readonly title: string;
  readonly section?: CenterSection;
  readonly body: string;
  readonly notice?: CenterNotice;
}

/** The hidden fields every privacy center form carries: the form token and the page language. */
export function hiddenFields(input: CenterPageInput): string {
  return (
    `<input type="hidden" name="csrf" value="${escapeHtml(input.csrfToken)}">` +
    `<input type="hidden" name="lang" value="${escapeHtml(input.lang)}">`
  );
}

/** A notice box; `danger` is announced as an alert, the others as a status. */
export function noticeHtml(notice: CenterNotice): string {
  const role = notice.tone === 'danger' ? 'alert' : 'status';
  return `<div class="notice ${notice.tone}" role="${role}"><p>${escapeHtml(notice.text)}</p></div>`;
}

/**
 * Writes a complete privacy center page: the shared design system, a skip link, the controller's
 * name, the language switch (links to the same page in each language), the section navigation
 * and the body. No script, no outside resource.
 */
export function renderCenterPage(input: CenterLayoutInput): string {
  const { lang } = input;
  const t = (key: CenterKey, params?: Record<string, string>) => centerText(lang, key, params);
  const name = manifestText(input.manifest.controller.name, lang);
  const languages = (['en', 'zh-CN'] as const)
    .map((l) =>
      l === lang
        ? `<li><span aria-current="true" lang="${l}">${LANGUAGE_NAMES[l]}</span></li>`
        : `<li><a href="${escapeHtml(centerHref(input.path, l))}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</a></li>`,
    )
    .join('');
  const nav = NAV.map((item) => {
    const current = item.id === input.section ? ' aria-current="page"' : '';
    return `<li><a href="${escapeHtml(centerHref(item.path, lang))}"${current}>${escapeHtml(t(item.label))}</a></li>`;
  }).join('');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(input.title)} · ${escapeHtml(t('center.of', { name }))}</title>`,
    `<style>${DESIGN_CSS}${CENTER_CSS}</style>`,
    '</head>',
    '<body class="center">',
    `<a class="visually-hidden skip-link" href="#main">${escapeHtml(t('center.skip'))}</a>`,
    '<header class="center-top">',
    `<a class="center-brand" href="${escapeHtml(centerHref('/privacy', lang))}">${escapeHtml(t('center.of', { name }))}</a>`,
    `<nav class="center-lang" aria-label="${escapeHtml(t('center.language'))}"><ul>${languages}</ul></nav>`,
    '</header>',
    `<nav class="center-nav" aria-label="${escapeHtml(t('center.nav'))}"><ul>${nav}</ul></nav>`,
    '<main id="main">',
    `<h1>${escapeHtml(input.title)}</h1>`,
    input.notice ? noticeHtml(input.notice) : '',
    input.body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
