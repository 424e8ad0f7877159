import { renderConsolePage } from '@pledge/console';
import { escapeHtml } from '@pledge/render';

/** What the sign-in page shows. */
export interface SignInPageInput {
  /** The token binding the form to this browser (also in the sign-in cookie). */
  readonly formToken: string;
  /** Where to go after signing in (a console path). */
  readonly next: string;
  /** A message after a refused attempt (no personal data). */
  readonly error?: string;
  /** Whether an identity provider is configured (shows its button). */
  readonly oidc: boolean;
}

/** The sign-in page: e-mail, password and one-time code, and the identity provider if any. */
export function renderSignInPage(input: SignInPageInput): string {
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  const oidc = input.oidc
    ? `<p><a class="button secondary" href="/console/oidc/start?next=${encodeURIComponent(input.next)}">Sign in with your organisation's account</a></p>`
    : '';
  const body = [
    error,
    '<form method="post" action="/console/sign-in" class="card">',
    `<input type="hidden" name="csrf" value="${escapeHtml(input.formToken)}">`,
    `<input type="hidden" name="next" value="${escapeHtml(input.next)}">`,
    '<label for="email">E-mail</label>',
    '<input id="email" name="email" type="email" autocomplete="username" required>',
    '<label for="password">Password</label>',
    '<input id="password" name="password" type="password" autocomplete="current-password" required>',
    '<label for="totp">One-time code <span class="muted">(from your authenticator app, if enrolled)</span></label>',
    '<input id="totp" name="totp" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6">',
    '<p><button type="submit">Sign in</button></p>',
    '</form>',
    oidc,
  ].join('\n');
  return renderConsolePage({ title: 'Sign in', body });
}
