import { RenderedQuery } from '@pledge/protocol';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { textResponse, V1_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';

const CONTENT_TYPE = { html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8' } as const;

/** `GET /v1/policy/rendered?lang=en|zh-CN&format=html|md`: the policy in force as a document. */
export function registerRenderedRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get<{ Querystring: z.infer<typeof RenderedQuery> }>(
    '/policy/rendered',
    {
      schema: {
        summary: 'The policy in force, rendered',
        tags: ['policies'],
        querystring: RenderedQuery,
        response: {
          200: textResponse('The policy as HTML or Markdown', ['text/html', 'text/markdown']),
          ...V1_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const ctx = rt.context();
      const lang = request.query.lang ?? ctx.manifest.policy.defaultLanguage;
      const { format } = request.query;
      return reply.type(CONTENT_TYPE[format]).send(ctx.render(lang, format));
    },
  );
}
