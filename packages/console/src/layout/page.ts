import { type ConsoleUser, roleAllows } from '@pledge/auth';
import { DESIGN_CSS, escapeHtml } from '@pledge/render';
import { CONSOLE_CSS } from './console-css.js';
import { CONSOLE_PAGES, type ConsolePageId } from './pages.js';

/** What every console page is drawn from. */
export interface ConsolePageInput {
  /** The page's heading and title (plain text; escaped here). */
  readonly title: string;
  /** The signed-in user, or undefined on the sign-in page. */
  readonly user?: ConsoleUser;
  /** The navigation entry to mark as current. */
  readonly active?: ConsolePageId;
  /** The page's main content, already HTML (every value in it escaped by its writer). */
  readonly body: string;
  /** The session's CSRF token, written into every form by the page and into the sign-out form here. */
  readonly csrfToken?: string;
}

/** The mark beside the product name: decorative, so hidden from assistive technology. */
const MARK =
  '<svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
  '<path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3z" fill="var(--p-accent)"/>' +
  '<path d="m8.5 12 2.5 2.5 4.5-5" fill="none" stroke="var(--p-bg)" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>';

/**
 * Writes a complete console page: the shared design system, a skip link, navigation limited to
 * the pages the user's role may open, and a sign-out form carrying the CSRF token.
 */
export function renderConsolePage(input: ConsolePageInput): string {
  const { user } = input;
  const nav =
    user === undefined
      ? ''
      : [
          '<nav class="console-nav" aria-label="Console"><ul>',
          ...CONSOLE_PAGES.filter((page) => roleAllows(user.role, page.permission)).map((page) => {
            const current = page.id === input.active ? ' aria-current="page"' : '';
            return `<li><a href="${page.path}"${current}>${escapeHtml(page.label)}</a></li>`;
          }),
          '</ul></nav>',
        ].join('');
  const who =
    user === undefined
      ? ''
      : `<div class="console-user"><span>${escapeHtml(user.name)} <span class="badge">${escapeHtml(user.role)}</span></span> ` +
        `<form method="post" action="/console/sign-out"><input type="hidden" name="csrf" value="${escapeHtml(input.csrfToken ?? '')}">` +
        '<button type="submit" class="secondary">Sign out</button></form></div>';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)} · Pledge console</title>`,
    `<style>${DESIGN_CSS}${CONSOLE_CSS}</style>`,
    '</head>',
    '<body class="console">',
    '<a class="visually-hidden skip-link" href="#main">Skip to content</a>',
    `<header class="console-top"><a class="console-brand" href="/console">${MARK}<span>Pledge console</span></a>${who}</header>`,
    `<div class="console-shell${user === undefined ? '' : ' with-nav'}">`,
    nav,
    `<main id="main" class="console-main"><h1>${escapeHtml(input.title)}</h1>`,
    input.body,
    '</main>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
