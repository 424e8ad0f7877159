import { API_SCOPES, type Principal } from '@pledge/auth';
import type { FastifyRequest } from 'fastify';

/** Who answers a development-mode request: every scope, recording as the subject. */
export const DEV_PRINCIPAL: Principal = {
  id: 'dev-mode',
  name: 'development mode (no API keys, loopback only)',
  kind: 'secret',
  scopes: API_SCOPES,
  actor: 'subject',
};

/** What the guard learned about a request. */
export interface RequestAuth {
  /** No API key exists: development mode. */
  devMode: boolean;
  /** The caller, once authenticated (or {@link DEV_PRINCIPAL}); none on public routes. */
  principal?: Principal;
}

const AUTH = new WeakMap<FastifyRequest, RequestAuth>();

/** Records what the guard learned about a request. */
export function setRequestAuth(request: FastifyRequest, auth: RequestAuth): void {
  AUTH.set(request, auth);
}

/** What the guard learned about a request (before the guard ran: nothing). */
export function requestAuth(request: FastifyRequest): RequestAuth | undefined {
  return AUTH.get(request);
}

/** The caller of a guarded route; throws when the guard did not run (a bug). */
export function principalOf(request: FastifyRequest): Principal {
  const principal = AUTH.get(request)?.principal;
  if (!principal) throw new Error('route reached without a principal');
  return principal;
}
