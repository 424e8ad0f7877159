import type { Language } from '@pledge/core';
import type { FastifyInstance } from 'fastify';
import type { PolicyFormat, ServerContext } from '../context';
import { formatParam, langParam } from '../query';

const CONTENT_TYPE: Record<PolicyFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** `GET /policy?lang=en|zh-CN&format=html|md`: the rendered policy alone. */
export function registerPolicyRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: { lang?: Language; format?: PolicyFormat } }>(
    '/policy',
    { schema: { querystring: { type: 'object', properties: { lang: langParam, format: formatParam } } } },
    async (request, reply) => {
      const lang = request.query.lang ?? ctx.manifest.policy.defaultLanguage;
      const format = request.query.format ?? 'html';
      return reply.type(CONTENT_TYPE[format]).send(ctx.render(lang, format));
    },
  );
}
