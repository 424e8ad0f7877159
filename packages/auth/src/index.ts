export {
  authenticateApiKey,
  type CreatedKey,
  createApiKey,
  hasActiveApiKeys,
  type KeyDb,
  listApiKeys,
  revokeApiKey,
  siteKeyOrigins,
} from './keys.js';
export { type OidcResult, OidcSignIn } from './oidc/client.js';
export { MFA_AMR_VALUES, OIDC_FLOW_TTL_MS, type OidcSettings } from './oidc/settings.js';
export {
  ARGON2_OPTIONS,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  verifyPassword,
} from './passwords/hash.js';
export type { ApiKeyInfo, Principal } from './principal.js';
export { renderRolesDoc } from './role-matrix.js';
export {
  CONSOLE_PERMISSIONS,
  CONSOLE_ROLES,
  type ConsolePermission,
  type ConsoleRole,
  type ConsoleUser,
  isConsoleRole,
  PERSONAL_DATA_PERMISSIONS,
  ROLE_PERMISSIONS,
  readsPersonalData,
  roleAllows,
} from './roles.js';
export {
  API_SCOPES,
  type ApiScope,
  isApiScope,
  KEY_KINDS,
  type KeyKind,
  PERSONAL_DATA_SCOPES,
  SITE_KEY_SCOPES,
} from './scopes.js';
export {
  type ConsoleSession,
  DEFAULT_SESSION_LIFETIMES,
  endConsoleSession,
  findConsoleSession,
  type OpenedSession,
  openConsoleSession,
  SESSION_TOKEN_PREFIX,
  type SessionLifetimes,
  SIGN_IN_METHODS,
  type SignInMethod,
} from './sessions/session.js';
export {
  DEFAULT_LOCKOUT,
  type LockoutPolicy,
  type PasswordAttempt,
  type SignInResult,
  signInWithPassword,
} from './sign-in/password.js';
export { generateToken, TOKEN_PREFIXES, tokenDigest } from './token.js';
export { enrolTotp } from './totp/enrol.js';
export { TOTP_PERIOD_S, totpCode } from './totp/totp.js';
export { personalDataCap } from './users/cap.js';
export {
  createConsoleUser,
  MAX_NAME_LENGTH,
  type NewConsoleUser,
  type UserChangeOptions,
} from './users/create.js';
export { foldEmail } from './users/email.js';
export type { ConsoleUserInfo } from './users/info.js';
export { USER_ISSUE_CODES, type UserIssue, type UserIssueCode, type UserResult } from './users/issues.js';
export {
  disableConsoleUser,
  findConsoleUser,
  listConsoleUsers,
  type RoleGrant,
  roleChangesOf,
  setConsoleRole,
} from './users/manage.js';
export { type RoleChange, recordRoleChange, roleChangeActor } from './users/role-change.js';
export type { ConsoleDatabase, ConsoleDb, ConsoleStore } from './users/tables.js';
export { type CheckedKey, checkNewKey, type KeyIssue, type NewKey, normaliseOrigin } from './validate.js';
