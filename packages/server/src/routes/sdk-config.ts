import { toRenewalVersion } from '@pledge/engine';
import { SdkConfigResponse } from '@pledge/protocol';
import type { FastifyInstance } from 'fastify';
import { isLoopback } from '../auth.js';
import { HttpError } from '../errors.js';
import { errorResponse, V1_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';

/**
 * `GET /v1/sdk/config`: what an SDK needs to decide in process, including the subject-hash
 * key. With an API token configured only token holders reach it (the /v1 token check);
 * with none, only clients on this machine do.
 */
export function registerSdkConfigRoutes(
  app: FastifyInstance,
  rt: Runtime,
  options: { tokenConfigured: boolean },
): void {
  app.get(
    '/sdk/config',
    {
      schema: {
        summary: 'Configuration for SDKs deciding in process',
        description:
          'Served to API token holders; with no token configured, to loopback clients only (it carries the subject-hash key).',
        tags: ['sdk'],
        response: {
          200: SdkConfigResponse,
          ...V1_ERRORS,
          403: errorResponse('No API token configured and the client is not on this machine'),
        },
      },
    },
    async (request) => {
      if (!options.tokenConfigured && !isLoopback(request)) {
        throw new HttpError(
          403,
          'forbidden',
          'with no API token configured, the SDK configuration is served to loopback clients only',
        );
      }
      await rt.syncPolicy();
      const head = await rt.store.db
        .selectFrom('pledge_ledger_head')
        .select('seq')
        .where('id', '=', 1)
        .executeTakeFirst();
      const { manifest, version } = rt.engine.policy;
      return {
        manifest,
        version: version.version,
        hash: version.hash,
        versions: rt.engine.versions.map(toRenewalVersion),
        subjectKey: rt.subjectKey,
        subjectKeyFingerprint: rt.engine.subjectKeyFingerprint,
        lastSeq: Number(head?.seq ?? 0),
      };
    },
  );
}
