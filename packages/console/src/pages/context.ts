import type { ConsoleUser } from '@pledge/auth';

/** Who a page is drawn for: the signed-in user and the session's CSRF token for its forms. */
export interface ConsolePageContext {
  readonly user: ConsoleUser;
  readonly csrfToken: string;
}
