import type { Language } from '@pledge/core';
import { HomeQuery } from '@pledge/protocol';
import { escapeHtml } from '@pledge/render';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { textResponse } from '../openapi/responses.js';
import { LANGUAGES } from '../query.js';
import type { Runtime } from '../runtime.js';
import { lintSummary } from './lint.js';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/** Options of {@link registerHomeRoutes}. */
export interface HomeOptions {
  /** Leave the lint report's summary and link out of the public page (PLEDGE_PUBLIC_LINT=hide). */
  readonly hideLint: boolean;
}

/**
 * `GET /?lang=`: the rendered policy with a bar to switch language, reach the privacy center
 * and (unless the operator hides it) the lint report.
 */
export function registerHomeRoutes(app: FastifyInstance, rt: Runtime, options: HomeOptions): void {
  app.get<{ Querystring: { lang?: Language } }>(
    '/',
    {
      schema: {
        summary: 'The policy in force as a web page',
        tags: ['pages'],
        querystring: HomeQuery,
        response: { 200: textResponse('HTML page', ['text/html']) },
      },
    },
    async (request, reply) => {
      const ctx = rt.context();
      const lang = request.query.lang ?? ctx.manifest.policy.defaultLanguage;
      const page = ctx.render(lang, 'html');
      const bar = toolbar(ctx, lang, options.hideLint);
      // The renderer writes a standalone page; the bar goes first inside its body.
      const html = page.includes('<body>') ? page.replace('<body>', `<body>\n${bar}`) : `${bar}\n${page}`;
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}

function toolbar(ctx: ServerContext, current: Language, hideLint: boolean): string {
  const offered = LANGUAGES.filter((l) => ctx.manifest.policy.languages.includes(l) || l === current);
  const languages = offered
    .map((l) =>
      l === current
        ? `<strong aria-current="page">${LANGUAGE_NAMES[l]}</strong>`
        : `<a href="/?lang=${encodeURIComponent(l)}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</a>`,
    )
    .join(' | ');
  return [
    '<div role="navigation" aria-label="Pledge" style="border-bottom:1px solid #ccc;padding:.5rem 0;font-size:.9rem">',
    `<span>${languages}</span> · `,
    `<a href="/policy?lang=${encodeURIComponent(current)}&amp;format=md">Markdown</a> · `,
    `<a href="/privacy?lang=${encodeURIComponent(current)}">Privacy center</a> · `,
    hideLint ? '' : `<a href="/lint">Lint report (${escapeHtml(lintSummary(ctx.lint))})</a> · `,
    '<a href="/docs">API</a>',
    '</div>',
  ].join('\n');
}
