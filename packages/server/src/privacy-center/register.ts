import type { FastifyInstance } from 'fastify';
import { registerPrivacyCenter } from '../routes/privacy-center.js';
import { registerPrivacyCenterConsent } from '../routes/privacy-center-consent.js';
import { registerPrivacyCenterPackage } from '../routes/privacy-center-package.js';
import { registerPrivacyCenterRequests } from '../routes/privacy-center-requests.js';
import { registerPrivacyCenterSignIn } from '../routes/privacy-center-sign-in.js';
import type { Runtime } from '../runtime.js';
import type { PrivacyCenterBackends } from './ports.js';

/** Whether a route (its Fastify path pattern) belongs to the privacy center. */
export function isPrivacyCenterRoute(url: string): boolean {
  return url === '/privacy' || url.startsWith('/privacy/');
}

/** Registers every privacy center page (docs/privacy-center.md); each is listed in `PUBLIC_ROUTES`. */
export function registerPrivacyCenterRoutes(
  app: FastifyInstance,
  rt: Runtime,
  backends: PrivacyCenterBackends,
): void {
  registerPrivacyCenter(app, rt);
  registerPrivacyCenterConsent(app, rt);
  registerPrivacyCenterRequests(app, rt, backends.requests);
  registerPrivacyCenterPackage(app, rt, backends.requests);
  registerPrivacyCenterSignIn(app, rt, backends.signIn);
}
