import { type ConsoleUser, roleAllows } from '@pledge/auth';
import { DESIGN_CSS, escapeHtml } from '@pledge/render';
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

const CONSOLE_CSS = [
  '.console-top{display:flex;flex-wrap:wrap;gap:var(--p-space-2) var(--p-space-3);align-items:center;justify-content:space-between;',
  'border-bottom:1px solid var(--p-border);padding-bottom:var(--p-space-2)}',
  '.console-nav ul{list-style:none;padding:0;margin:var(--p-space-2) 0;display:flex;flex-wrap:wrap;gap:var(--p-space-1) var(--p-space-3)}',
  '.console-nav a[aria-current=page]{font-weight:700}',
  '.console-user form{display:inline}',
].join('');

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
      : `<div class="console-user"><span>${escapeHtml(user.name)} <span class="muted">(${escapeHtml(user.role)})</span></span> ` +
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
    '<body>',
    '<a class="visually-hidden" href="#main">Skip to content</a>',
    `<header class="console-top"><strong>Pledge console</strong>${who}</header>`,
    nav,
    `<main id="main"><h1>${escapeHtml(input.title)}</h1>`,
    input.body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
