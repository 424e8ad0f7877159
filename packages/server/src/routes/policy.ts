import type { Language } from '@pledge/core';
import { PolicyPageQuery } from '@pledge/protocol';
import type { FastifyInstance } from 'fastify';
import type { PolicyFormat } from '../context.js';
import { textResponse } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';

const CONTENT_TYPE: Record<PolicyFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** `GET /policy?lang=en|zh-CN&format=html|md`: the rendered policy alone. */
export function registerPolicyRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get<{ Querystring: { lang?: Language; format?: PolicyFormat } }>(
    '/policy',
    {
      schema: {
        summary: 'The policy in force, rendered alone',
        tags: ['pages'],
        querystring: PolicyPageQuery,
        response: { 200: textResponse('HTML or Markdown', ['text/html', 'text/markdown']) },
      },
    },
    async (request, reply) => {
      const ctx = rt.context();
      const lang = request.query.lang ?? ctx.manifest.policy.defaultLanguage;
      const format = request.query.format ?? 'html';
      return reply.type(CONTENT_TYPE[format]).send(ctx.render(lang, format));
    },
  );
}
