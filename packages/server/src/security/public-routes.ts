/**
 * The routes anyone may call, with no credential and in either mode: the one list, checked
 * by the route matrix test. Everything else needs an API key with a scope the route accepts
 * ({@link ROUTE_SCOPES}), or development mode. The privacy center's pages are here (its forms
 * are protected by the visitor's form token, not by a key); the consent banner and public
 * notices join this list when they exist.
 *
 * A pattern ending in `*` matches every route under that prefix (Swagger UI's assets).
 */
export const PUBLIC_ROUTES = [
  'GET /',
  'GET /policy',
  'GET /v1/policy/rendered',
  'GET /healthz',
  'GET /favicon.ico',
  'GET /docs',
  'GET /docs/*',
  'OPTIONS /v1/consents',
  'GET /privacy',
  'GET /privacy/policy',
  'POST /privacy/sign-out',
  'GET /privacy/consent',
  'POST /privacy/consent',
  'GET /privacy/sign-in',
  'POST /privacy/sign-in',
  'POST /privacy/sign-in/code',
  'GET /privacy/sign-in/token',
  'GET /privacy/requests',
  'GET /privacy/requests/new',
  'POST /privacy/requests',
  'GET /privacy/delete-account',
  'GET /privacy/requests/:id',
  'GET /privacy/requests/:id/verify',
  'POST /privacy/requests/:id/verify',
  'GET /privacy/requests/:id/package',
] as const;

/** Whether a route (method and Fastify path pattern) is public; HEAD counts as GET. */
export function isPublicRoute(method: string, url: string): boolean {
  const m = method === 'HEAD' ? 'GET' : method;
  return PUBLIC_ROUTES.some((pattern) => {
    const [pm, pu] = pattern.split(' ') as [string, string];
    if (pm !== m) return false;
    return pu.endsWith('*') ? url.startsWith(pu.slice(0, -1)) : url === pu;
  });
}
