export { CONSOLE_ROUTES, type ConsoleAccess, consoleAccess, isConsoleRoute } from './console-routes.js';
export { SESSION_COOKIE } from './cookies.js';
export type { ConsoleOptions } from './options.js';
export { type ConsoleGuard, requirePermission, requireSession, SIGN_IN_PATH } from './require-permission.js';
export { consoleSessionOf, consoleUserOf } from './state.js';
