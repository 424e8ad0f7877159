import type { FastifyInstance } from 'fastify';
import { bearerAuth } from '../auth.js';
import type { Runtime } from '../runtime.js';
import { registerCheckpointRoutes, type ServerCheckpoints } from './checkpoints.js';
import { registerConsentRoutes } from './consents.js';
import { registerDecideRoutes } from './decide.js';
import { registerLedgerRoutes } from './ledger.js';
import { registerPolicyApiRoutes } from './policies.js';
import { registerRenderedRoutes } from './rendered.js';
import { registerSdkConfigRoutes } from './sdk-config.js';
import { registerUseRoutes } from './use.js';

/** Options of the /v1 API. */
export interface V1Options {
  /** When set, every /v1 route needs `Authorization: Bearer <apiToken>`. */
  apiToken?: string;
  /** Largest body of `POST /v1/policies`, bytes. */
  manifestBodyLimit: number;
  /** The checkpoint key and sink, when the server signs checkpoints. */
  checkpoints?: ServerCheckpoints;
}

/**
 * The /v1 API, in its own scope: JSON bodies only (a body of another type is a 415; the
 * manifest route alone also takes YAML), the bearer token check when a token is set.
 */
export async function registerV1(app: FastifyInstance, rt: Runtime, options: V1Options): Promise<void> {
  await app.register(
    async (v1) => {
      // Fastify accepts text/plain by default; the API does not, so such a body is a 415.
      v1.removeContentTypeParser('text/plain');
      if (options.apiToken) v1.addHook('onRequest', bearerAuth(options.apiToken));
      registerConsentRoutes(v1, rt);
      registerDecideRoutes(v1, rt);
      registerUseRoutes(v1, rt);
      await registerPolicyApiRoutes(v1, rt, { bodyLimit: options.manifestBodyLimit });
      registerRenderedRoutes(v1, rt);
      registerLedgerRoutes(v1, rt);
      registerCheckpointRoutes(v1, rt, options.checkpoints);
      registerSdkConfigRoutes(v1, rt, { tokenConfigured: Boolean(options.apiToken) });
    },
    { prefix: '/v1' },
  );
}
