import {
  API_SCOPES,
  type ApiKeyInfo,
  createApiKey,
  KEY_KINDS,
  listApiKeys,
  revokeApiKey,
} from '@pledge/auth';
import { LEDGER_ACTORS } from '@pledge/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../errors.js';
import { BODY_ERRORS, errorResponse, V1_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';
import type { KeyPresence } from '../security/key-presence.js';

const KeyJson = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(KEY_KINDS),
  scopes: z.array(z.enum(API_SCOPES)),
  origins: z.array(z.string()).optional(),
  actor: z.enum(LEDGER_ACTORS),
  createdAt: z.string().describe('ISO 8601 date and time'),
  revokedAt: z.string().optional(),
});

const NewKeyBody = z
  .object({
    name: z.string().min(1).max(100),
    kind: z.enum(KEY_KINDS).optional(),
    scopes: z.array(z.enum(API_SCOPES)).min(1).max(API_SCOPES.length),
    origins: z.array(z.string().max(300)).max(50).optional(),
    actor: z.enum(LEDGER_ACTORS).optional(),
  })
  .strict();

const KeyParams = z.object({ id: z.string().min(1).max(100) });

function toJson(key: ApiKeyInfo): z.infer<typeof KeyJson> {
  return {
    id: key.id,
    name: key.name,
    kind: key.kind,
    scopes: [...key.scopes],
    ...(key.origins ? { origins: [...key.origins] } : {}),
    actor: key.actor,
    createdAt: key.createdAt.toISOString(),
    ...(key.revokedAt ? { revokedAt: key.revokedAt.toISOString() } : {}),
  };
}

/** `GET /v1/keys`, `POST /v1/keys` (the secret is in this answer only) and `DELETE /v1/keys/:id`: `admin` scope. */
export function registerKeyRoutes(app: FastifyInstance, rt: Runtime, keys: KeyPresence): void {
  app.get(
    '/keys',
    {
      schema: {
        summary: 'Every API key (never a secret)',
        tags: ['keys'],
        response: { 200: z.object({ keys: z.array(KeyJson) }), ...V1_ERRORS },
      },
    },
    async () => ({ keys: (await listApiKeys(rt.store)).map(toJson) }),
  );

  app.post<{ Body: z.infer<typeof NewKeyBody> }>(
    '/keys',
    {
      schema: {
        summary: 'Create an API key',
        description:
          'Returns the secret once; the server keeps only its SHA-256 digest. A site key (kind site) holds consent:write only and needs its origins.',
        tags: ['keys'],
        body: NewKeyBody,
        response: { 201: z.object({ secret: z.string(), key: KeyJson }), ...BODY_ERRORS },
      },
    },
    async (request, reply) => {
      const made = await createApiKey(rt.store, request.body);
      keys.invalidate();
      if (!made.ok) {
        const { issue } = made;
        throw new HttpError(400, 'bad-request', `body ${issue.path}: ${issue.message}`, [issue]);
      }
      return reply.status(201).send({ secret: made.created.secret, key: toJson(made.created.key) });
    },
  );

  app.delete<{ Params: z.infer<typeof KeyParams> }>(
    '/keys/:id',
    {
      schema: {
        summary: 'Revoke an API key',
        tags: ['keys'],
        params: KeyParams,
        response: {
          200: z.object({ revoked: z.literal(true) }),
          ...V1_ERRORS,
          404: errorResponse('No active key has this id'),
        },
      },
    },
    async (request) => {
      const revoked = await revokeApiKey(rt.store, request.params.id);
      keys.invalidate();
      if (!revoked) {
        throw new HttpError(404, 'not-found', 'no active API key has this id');
      }
      return { revoked: true as const };
    },
  );
}
