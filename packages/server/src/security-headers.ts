import type { FastifyInstance } from 'fastify';
import { isConsoleRoute } from './console/console-routes.js';
import { isPrivacyCenterRoute } from './privacy-center/register.js';

const formsAllowed = (url: string) => isConsoleRoute(url) || isPrivacyCenterRoute(url);

/** The pages are static text: no scripts, no frames, no outside resources. */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Console and privacy center pages post forms to themselves (sign-in, consent, requests, publishing). */
const FORMS_CSP = CSP.replace("form-action 'none'", "form-action 'self'");

/** Adds conservative security headers to every response (Swagger UI at /docs sets its own CSP). */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', formsAllowed(request.routeOptions.url ?? '') ? FORMS_CSP : CSP);
    }
    return payload;
  });
}
