export type { ApiIssue, ErrorBody } from '@pledge/protocol';
export {
  buildServer,
  DEFAULT_BODY_LIMIT,
  DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  MANIFEST_BODY_LIMIT,
  type ServerOptions,
} from './app.js';
export { readConfig, type ServerConfig } from './config.js';
export {
  CONSOLE_ROUTES,
  type ConsoleAccess,
  type ConsoleGuard,
  type ConsoleOptions,
  consoleAccess,
  consoleSessionOf,
  consoleUserOf,
  isConsoleRoute,
  requirePermission,
  requireSession,
  SESSION_COOKIE,
  SIGN_IN_PATH,
} from './console/index.js';
export type { LogOptions } from './logging.js';
export type { ServerCheckpoints } from './routes/checkpoints.js';
export { PROXY_HEADERS } from './security/guard.js';
export { PUBLIC_ROUTES } from './security/public-routes.js';
export { DEFAULT_RATE_LIMITS, type RateLimits } from './security/rate-limits.js';
export { ROUTE_SCOPES } from './security/route-scopes.js';
export { isLoopbackHost, type StartOptions, type StartResult, startFromEnv, startServer } from './start.js';
