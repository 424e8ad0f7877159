import type { FastifyInstance } from 'fastify';
import type { Execution } from '../request-runner/execution.js';
import type { Runtime } from '../runtime.js';
import type { KeyPresence } from '../security/key-presence.js';
import { registerAuditRoutes } from './audit.js';
import { registerCheckpointRoutes, type ServerCheckpoints } from './checkpoints.js';
import { registerConsentRoutes } from './consents.js';
import { registerCorsRoutes } from './cors.js';
import { registerDecideRoutes } from './decide.js';
import { registerDeregistrationRoutes } from './deregistrations.js';
import { registerDisclosureRoutes } from './disclosures.js';
import { registerKeyRoutes } from './keys.js';
import { registerLedgerRoutes } from './ledger.js';
import { registerPolicyApiRoutes } from './policies.js';
import { registerRecipientContactRoutes } from './recipient-contacts.js';
import { registerRecipientRoutes } from './recipients.js';
import { registerRenderedRoutes } from './rendered.js';
import { registerApprovalRoutes } from './request-approvals.js';
import { registerRequestRoutes } from './requests.js';
import { registerSdkConfigRoutes } from './sdk-config.js';
import { registerUseRoutes } from './use.js';

/** Options of the /v1 API. */
export interface V1Options {
  /** Told when a key is created or revoked here. */
  keys: KeyPresence;
  /** Largest body of `POST /v1/policies`, bytes. */
  manifestBodyLimit: number;
  /** The checkpoint key and sink, when the server signs checkpoints. */
  checkpoints?: ServerCheckpoints;
  /** The execution of requests (approvals, the runner's kick). */
  execution: Execution;
}

/**
 * The /v1 API, in its own scope: JSON bodies only (a body of another type is a 415; the
 * manifest route alone also takes YAML). Who may call each route is decided by the app's
 * guard (`security/`), not here.
 */
export async function registerV1(app: FastifyInstance, rt: Runtime, options: V1Options): Promise<void> {
  await app.register(
    async (v1) => {
      // Fastify accepts text/plain by default; the API does not, so such a body is a 415.
      v1.removeContentTypeParser('text/plain');
      registerConsentRoutes(v1, rt);
      registerDecideRoutes(v1, rt);
      registerAuditRoutes(v1, rt);
      registerUseRoutes(v1, rt);
      await registerPolicyApiRoutes(v1, rt, { bodyLimit: options.manifestBodyLimit });
      registerRenderedRoutes(v1, rt);
      registerLedgerRoutes(v1, rt);
      registerCheckpointRoutes(v1, rt, options.checkpoints);
      registerSdkConfigRoutes(v1, rt);
      registerKeyRoutes(v1, rt, options.keys);
      registerDisclosureRoutes(v1, rt);
      registerDeregistrationRoutes(v1, rt);
      await registerRecipientRoutes(v1, rt);
      registerRecipientContactRoutes(v1, rt);
      registerRequestRoutes(v1, rt, options.execution);
      registerApprovalRoutes(v1, rt, options.execution);
      registerCorsRoutes(v1, rt);
    },
    { prefix: '/v1' },
  );
}
