import type { ConsolePermission } from '@pledge/auth';

/**
 * What a console route needs: `public` (the sign-in routes), `signed-in` (any live session),
 * or a permission of the user's role.
 */
export type ConsoleAccess = 'public' | 'signed-in' | ConsolePermission;

/**
 * Every console route and what it needs: the one list. Console routes are authenticated by
 * the session cookie, never by an API key; a route under `/console` that is not listed here,
 * or whose `requirePermission` names another permission, fails at registration. The console
 * route matrix test calls each as every role and as nobody. Extend by appending.
 */
export const CONSOLE_ROUTES = [
  { method: 'GET', url: '/console/sign-in', access: 'public' },
  { method: 'POST', url: '/console/sign-in', access: 'public' },
  { method: 'POST', url: '/console/sign-out', access: 'signed-in' },
  { method: 'GET', url: '/console/oidc/start', access: 'public' },
  { method: 'GET', url: '/console/oidc/callback', access: 'public' },
  { method: 'GET', url: '/console/reviews', access: 'reviews:sign' },
  { method: 'POST', url: '/console/reviews', access: 'reviews:sign' },
  { method: 'GET', url: '/console/reviews/:id', access: 'reviews:sign' },
  { method: 'POST', url: '/console/reviews/:id/sign', access: 'reviews:sign' },
  { method: 'GET', url: '/console/recipients', access: 'recipients:read' },
  { method: 'POST', url: '/console/recipients/:id/inspections', access: 'recipients:manage' },
  { method: 'POST', url: '/console/recipients/:id/end', access: 'recipients:manage' },
  { method: 'POST', url: '/console/recipients/:id/contact', access: 'recipients:manage' },
  { method: 'GET', url: '/console', access: 'dashboard:read' },
  { method: 'GET', url: '/console/data-map', access: 'policies:read' },
  { method: 'GET', url: '/console/policies', access: 'policies:read' },
  { method: 'GET', url: '/console/policies/:seq', access: 'policies:read' },
  { method: 'POST', url: '/console/policies/review', access: 'policies:publish' },
  { method: 'POST', url: '/console/policies/publish', access: 'policies:publish' },
  { method: 'GET', url: '/console/subjects', access: 'subjects:lookup' },
  { method: 'POST', url: '/console/subjects', access: 'subjects:lookup' },
  { method: 'GET', url: '/console/audit', access: 'audit:read' },
  { method: 'GET', url: '/console/users', access: 'users:manage' },
  { method: 'POST', url: '/console/users', access: 'users:manage' },
  { method: 'POST', url: '/console/users/:id/role', access: 'users:manage' },
  { method: 'POST', url: '/console/users/:id/disable', access: 'users:manage' },
  { method: 'GET', url: '/console/keys', access: 'connectors:manage' },
  { method: 'POST', url: '/console/keys', access: 'connectors:manage' },
  { method: 'POST', url: '/console/keys/:id/revoke', access: 'connectors:manage' },
  { method: 'POST', url: '/console/keys/connectors/:dataset/check', access: 'connectors:manage' },
  { method: 'GET', url: '/console/requests', access: 'requests:manage' },
  { method: 'POST', url: '/console/requests/:id/approve', access: 'requests:manage' },
  { method: 'POST', url: '/console/requests/:id/:step', access: 'requests:manage' },
  { method: 'POST', url: '/console/requests/:id/tasks/:taskId', access: 'requests:manage' },
  { method: 'GET', url: '/console/outbox', access: 'requests:manage' },
  { method: 'POST', url: '/console/outbox/:id/retry', access: 'requests:manage' },
  { method: 'POST', url: '/console/inbox/:id/request', access: 'requests:manage' },
] as const satisfies readonly { method: string; url: string; access: ConsoleAccess }[];

/** Whether a route (its Fastify path pattern) belongs to the console. */
export function isConsoleRoute(url: string): boolean {
  return url === '/console' || url.startsWith('/console/');
}

/** What a console route needs, or undefined when it is not in {@link CONSOLE_ROUTES}. */
export function consoleAccess(method: string, url: string): ConsoleAccess | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return CONSOLE_ROUTES.find((r) => r.method === m && r.url === url)?.access;
}
