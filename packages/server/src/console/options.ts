import type { LockoutPolicy, OidcSettings, SessionLifetimes } from '@pledge/auth';

/** Console sign-in settings. */
export interface ConsoleOptions {
  /** Sign-in attempts (POST /console/sign-in) per minute per address. Default 10. */
  readonly signInPerMinute?: number;
  /** When an account locks. Default 5 failures, 15 minutes. */
  readonly lockout?: LockoutPolicy;
  /** Session lifetimes. Default 12 hours, 30 minutes idle. */
  readonly sessions?: SessionLifetimes;
  /** An identity provider for teams (OpenID Connect); omitted: password sign-in only. */
  readonly oidc?: OidcSettings;
  /**
   * Where the keys and connectors page reads datastore connection variables. Default
   * `process.env`, the same environment the DSR worker reads.
   */
  readonly connectorEnv?: Readonly<Record<string, string | undefined>>;
}

/** Default sign-in attempts per minute per address. */
export const DEFAULT_SIGN_IN_PER_MINUTE = 10;
