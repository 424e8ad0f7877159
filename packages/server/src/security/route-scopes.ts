import type { ApiScope } from '@pledge/auth';

/**
 * The scopes each non-public route accepts (any one of them suffices): the one table, keyed
 * by method and Fastify path pattern. A route missing here accepts no key at all (it fails
 * closed); the route matrix test fails on such a route. `admin` manages keys and signs
 * checkpoints on demand, nothing else.
 */
export const ROUTE_SCOPES: Readonly<Record<string, readonly ApiScope[]>> = {
  'POST /v1/consents': ['consent:write'],
  'POST /v1/use': ['consent:write'],
  'POST /v1/consents/query': ['ledger:read', 'sdk:config'],
  'POST /v1/decide': ['decide'],
  'POST /v1/audit/accesses': ['audit:write'],
  'POST /v1/decide/batch': ['decide'],
  'GET /v1/policies': ['policy:publish', 'decide', 'sdk:config'],
  'GET /v1/policies/current': ['policy:publish', 'decide', 'sdk:config'],
  'POST /v1/policies': ['policy:publish'],
  'GET /v1/ledger/verify': ['ledger:read'],
  'POST /v1/ledger/verify': ['ledger:read'],
  'POST /v1/ledger/checkpoints': ['admin'],
  'GET /v1/ledger/changes': ['ledger:read', 'sdk:config'],
  'GET /v1/sdk/config': ['sdk:config'],
  'GET /lint': ['policy:publish'],
  'GET /lint.json': ['policy:publish'],
  'GET /v1/keys': ['admin'],
  'POST /v1/keys': ['admin'],
  'DELETE /v1/keys/:id': ['admin'],
  'POST /v1/disclosures': ['disclose'],
  'GET /v1/recipients': ['recipients'],
  'POST /v1/recipients/:id/contracts': ['recipients'],
  'GET /v1/recipients/:id/contracts/:contract': ['recipients'],
  'POST /v1/recipients/:id/inspections': ['recipients'],
  'POST /v1/recipients/:id/end': ['recipients'],
  'GET /v1/recipients/contacts': ['recipients'],
  'PUT /v1/recipients/:id/contact': ['recipients'],
  'POST /v1/subjects/deregistered': ['deregistration:check', 'dsr'],
  'POST /v1/requests': ['dsr'],
  'GET /v1/requests': ['dsr'],
  'GET /v1/requests/:id': ['dsr'],
  'POST /v1/requests/:id/verify': ['dsr'],
  'POST /v1/requests/:id/clarify': ['dsr'],
  'POST /v1/requests/:id/resume': ['dsr'],
  'POST /v1/requests/:id/extend': ['dsr'],
  'POST /v1/requests/:id/deny': ['dsr'],
  'POST /v1/requests/:id/complete': ['dsr'],
  'POST /v1/requests/:id/approve': ['dsr'],
};

/** The scopes a route accepts; none for a route not in {@link ROUTE_SCOPES}. HEAD counts as GET. */
export function routeScopes(method: string, url: string): readonly ApiScope[] {
  return ROUTE_SCOPES[`${method === 'HEAD' ? 'GET' : method} ${url}`] ?? [];
}
