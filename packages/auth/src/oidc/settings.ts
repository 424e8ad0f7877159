/** An identity provider for console sign-in (OpenID Connect, authorization code with PKCE). */
export interface OidcSettings {
  /** The issuer URL; its `/.well-known/openid-configuration` is read on first use. */
  readonly issuer: string;
  readonly clientId: string;
  /** The client secret (sent as `client_secret_post`); omitted for a public client. */
  readonly clientSecret?: string;
  /** Where the provider sends the browser back: `https://<host>/console/oidc/callback`. */
  readonly redirectUri: string;
}

/**
 * `amr` values (RFC 8176) that show the provider checked more than one factor: a sign-in
 * through OIDC counts as multi-factor only when its ID token says so.
 */
export const MFA_AMR_VALUES = [
  'mfa',
  'otp',
  'hwk',
  'swk',
  'sc',
  'fpt',
  'face',
  'iris',
  'retina',
  'vbm',
] as const;

/** How long a started sign-in may take at the provider, ms (10 minutes). */
export const OIDC_FLOW_TTL_MS = 10 * 60_000;
