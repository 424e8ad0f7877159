import { AUDIT_LIMITS } from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BODY_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';
import { auditRequest } from '../security/audit.js';

/** Most aggregated accesses one call carries. */
export const MAX_ACCESSES_PER_CALL = 1000;

const Slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'must be a manifest id');

/** One aggregated access: how often one subject's data served one purpose in one minute. */
const AccessBody = z
  .object({
    subjectHash: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be the keyed hash of the subject (base64url)')
      .optional()
      .describe('Keyed hash of the subject (never the identifier); omitted for no one subject.'),
    purpose: Slug.optional(),
    categories: z.array(Slug).max(AUDIT_LIMITS.categories).optional(),
    count: z.number().int().min(1).max(AUDIT_LIMITS.maxCount),
    windowStart: z.iso
      .datetime()
      .describe('Start of the minute the count covers (seconds zero).')
      .refine((v) => new Date(v).getTime() % 60_000 === 0, 'must be the start of a minute'),
  })
  .strict();

/** `POST /v1/audit/accesses`. */
export const AuditAccessesBody = z
  .object({ accesses: z.array(AccessBody).min(1).max(MAX_ACCESSES_PER_CALL) })
  .strict();

const AuditAccessesResponse = z.object({ recorded: z.number().int() });

/**
 * `POST /v1/audit/accesses`: the SDK ships the `log-access` obligations it met in process,
 * counted per subject, purpose and minute; each becomes an `sdk-access` entry as the key.
 */
export function registerAuditRoutes(app: FastifyInstance, rt: Runtime): void {
  app.post<{ Body: z.infer<typeof AuditAccessesBody> }>(
    '/audit/accesses',
    {
      schema: {
        summary: 'Record accesses an application made under log-access obligations',
        description:
          "Each access becomes an 'sdk-access' entry of the hash-chained audit log, recorded as the calling key, naming the subject by its pseudonym (the keyed hash is resolved here and not stored).",
        tags: ['audit'],
        body: AuditAccessesBody,
        response: { 201: AuditAccessesResponse, ...BODY_ERRORS },
      },
    },
    async (request, reply) => {
      const recorded = await auditRequest(
        rt,
        request,
        request.body.accesses.map((a) => ({
          action: 'sdk-access' as const,
          ...(a.subjectHash ? { subjectHash: a.subjectHash } : {}),
          purpose: a.purpose ?? null,
          categories: a.categories ?? [],
          count: a.count,
          windowStart: new Date(a.windowStart),
        })),
      );
      return reply.status(201).send({ recorded });
    },
  );
}
