import { toRenewalVersion } from '@pledge/engine';
import { SdkConfigResponse } from '@pledge/protocol';
import type { FastifyInstance } from 'fastify';
import { V1_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';

/**
 * `GET /v1/sdk/config`: what an SDK needs to decide in process, including the subject-hash
 * key: served to keys with the `sdk:config` scope only (and in development mode, to this
 * machine).
 */
export function registerSdkConfigRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get(
    '/sdk/config',
    {
      schema: {
        summary: 'Configuration for SDKs deciding in process',
        description:
          'Served to keys with the sdk:config scope only (it carries the subject-hash key); in development mode (no keys), to loopback clients.',
        tags: ['sdk'],
        response: { 200: SdkConfigResponse, ...V1_ERRORS },
      },
    },
    async () => {
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
