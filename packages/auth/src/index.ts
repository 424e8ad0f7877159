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
export type { ApiKeyInfo, Principal } from './principal.js';
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
  SITE_KEY_SCOPES,
} from './scopes.js';
export { generateToken, TOKEN_PREFIXES, tokenDigest } from './token.js';
export { type CheckedKey, checkNewKey, type KeyIssue, type NewKey, normaliseOrigin } from './validate.js';
