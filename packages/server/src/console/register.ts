import type { Store } from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import { consoleAccess, isConsoleRoute } from './console-routes.js';
import { registerOidcRoutes } from './oidc-routes.js';
import type { ConsoleOptions } from './options.js';
import { guardAccess } from './require-permission.js';
import { installFormParser, sessionHook } from './session-hook.js';
import { registerSignInRoutes } from './sign-in-routes.js';

/**
 * Refuses, at registration, a console route missing from `CONSOLE_ROUTES` or whose
 * preHandler checks something else than the table says (call before any console route).
 */
export function checkConsoleRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!isConsoleRoute(route.url)) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const access = consoleAccess(method, route.url);
      if (access === undefined)
        throw new Error(`console route ${method} ${route.url} is not in CONSOLE_ROUTES`);
      const guards = [route.preHandler ?? []]
        .flat()
        .map(guardAccess)
        .filter((a) => a !== undefined);
      const found = guards[0] ?? 'public';
      if (guards.length > 1 || found !== access) {
        throw new Error(
          `console route ${method} ${route.url} checks ${found}, CONSOLE_ROUTES says ${access}`,
        );
      }
    }
  });
}

/**
 * The console's sign-in: the session hook (attaches the session of the `pledge_console`
 * cookie), form posts on console routes, `Cache-Control: no-store` on every console answer,
 * and the sign-in, sign-out and OIDC routes. Pages are added with `requirePermission`.
 * `secretKey` (the deployment's key, held outside the database) seals second-factor secrets.
 */
export function registerConsole(
  app: FastifyInstance,
  store: Store,
  secretKey: string,
  options: ConsoleOptions = {},
): void {
  installFormParser(app);
  app.addHook('onRequest', sessionHook(store, options.sessions));
  // Console answers may show personal data: never kept by a browser or proxy cache.
  app.addHook('onSend', async (request, reply, payload) => {
    if (isConsoleRoute(request.routeOptions.url ?? '')) reply.header('cache-control', 'no-store');
    return payload;
  });
  registerSignInRoutes(app, store, secretKey, options);
  registerOidcRoutes(app, store, options);
}
