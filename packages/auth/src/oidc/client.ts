import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { ConsoleRole } from '../roles.js';
import { type ConsoleUser, readsPersonalData } from '../roles.js';
import { foldEmail } from '../users/email.js';
import { toConsoleUser } from '../users/info.js';
import { type ConsoleStore, consoleDb } from '../users/tables.js';
import { MFA_AMR_VALUES, OIDC_FLOW_TTL_MS, type OidcSettings } from './settings.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Whether a URL's host is this machine (plain http is allowed there only, for local providers). */
function loopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** How an OIDC sign-in ended; `reason` says why for the log (never personal data). */
export type OidcResult =
  | { ok: true; user: ConsoleUser; mfa: boolean }
  | { ok: false; code: 'invalid-credentials' | 'second-factor-required'; reason: string };

/**
 * A relying party for console sign-in: discovers the provider on first use, starts sign-ins
 * (authorization code, PKCE S256, `state` and `nonce` kept server-side as the state's digest)
 * and finishes them, matching the verified e-mail to an existing console user (nobody is
 * registered by signing in).
 */
export class OidcSignIn {
  private config: Promise<client.Configuration> | undefined;

  constructor(
    private readonly store: ConsoleStore,
    private readonly settings: OidcSettings,
  ) {}

  private configuration(): Promise<client.Configuration> {
    if (!this.config) {
      const issuer = new URL(this.settings.issuer);
      this.config = client.discovery(
        issuer,
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        loopback(issuer) ? { execute: [client.allowInsecureRequests] } : {},
      );
      // a failed discovery is retried on the next sign-in
      this.config.catch(() => {
        this.config = undefined;
      });
    }
    return this.config;
  }

  /** Starts a sign-in: the provider URL to send the browser to, and the `state` to bind to it (a cookie). */
  async start(now: Date = new Date()): Promise<{ url: string; state: string }> {
    const config = await this.configuration();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await consoleDb(this.store)
      .insertInto('pledge_console_oidc_flows')
      .values({
        state_digest: digest(state),
        nonce,
        code_verifier: verifier,
        expires_at: new Date(now.getTime() + OIDC_FLOW_TTL_MS),
      })
      .execute();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in from the callback URL and the `state` the browser's cookie kept. The
   * flow is used once; the state, nonce and PKCE verifier are checked by openid-client; the
   * e-mail must be verified by the provider and belong to an enabled console user. A role
   * reading personal data needs the provider to assert multi-factor authentication (`amr`).
   */
  async finish(callbackUrl: URL, state: string, now: Date = new Date()): Promise<OidcResult> {
    const refused = (reason: string): OidcResult => ({ ok: false, code: 'invalid-credentials', reason });
    const db = consoleDb(this.store);
    await db.deleteFrom('pledge_console_oidc_flows').where('expires_at', '<', now).execute();
    const flow = await db
      .deleteFrom('pledge_console_oidc_flows')
      .where('state_digest', '=', digest(state))
      .returningAll()
      .executeTakeFirst();
    if (!flow) return refused('no started sign-in matches the state');
    let claims: client.IDToken | undefined;
    let profile: Record<string, unknown> | undefined;
    try {
      const config = await this.configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      profile = claims;
      // Many providers put the e-mail in the ID token only when asked; the UserInfo endpoint
      // has it, for the same subject (checked by openid-client).
      if (claims && typeof claims.email !== 'string') {
        profile = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      }
    } catch (error) {
      return refused(`the provider's answer was refused: ${(error as { code?: string }).code ?? 'error'}`);
    }
    if (!claims || !profile || typeof profile.email !== 'string' || profile.email_verified !== true) {
      return refused('the provider vouched for no verified e-mail');
    }
    const row = await db
      .selectFrom('pledge_console_users')
      .select(['id', 'email', 'name', 'role', 'disabled_at'])
      .where('email', '=', foldEmail(profile.email))
      .executeTakeFirst();
    if (!row || row.disabled_at !== null) return refused('no enabled console user has that e-mail');
    const amr = Array.isArray(claims.amr) ? (claims.amr as unknown[]) : [];
    const mfa = amr.some((v) => (MFA_AMR_VALUES as readonly unknown[]).includes(v));
    if (!mfa && readsPersonalData(row.role as ConsoleRole)) {
      return {
        ok: false,
        code: 'second-factor-required',
        reason: 'the provider did not assert multi-factor authentication',
      };
    }
    return { ok: true, user: toConsoleUser(row), mfa };
  }
}
