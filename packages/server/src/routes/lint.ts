import type { Issue } from '@pledge/core';
import { LintResponse } from '@pledge/protocol';
import { escapeHtml } from '@pledge/render';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { textResponse } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';

const ORDER: Record<Issue['severity'], number> = { error: 0, warning: 1, info: 2 };

/** `GET /lint` (an HTML list) and `GET /lint.json` (an array of findings). */
export function registerLintRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get(
    '/lint.json',
    { schema: { summary: 'Lint findings as JSON', tags: ['pages'], response: { 200: LintResponse } } },
    async () =>
      rt.context().lint.map(({ code, severity, path, message }) => ({ code, severity, path, message })),
  );
  app.get(
    '/lint',
    {
      schema: {
        summary: 'Lint findings as a web page',
        tags: ['pages'],
        response: { 200: textResponse('HTML page', ['text/html']) },
      },
    },
    async (_request, reply) => reply.type('text/html; charset=utf-8').send(lintPage(rt.context())),
  );
}

/** Counts per severity, e.g. `3 errors, 1 warning, 0 notes`. */
export function lintSummary(lint: readonly Issue[]): string {
  const count = (severity: Issue['severity']) => lint.filter((i) => i.severity === severity).length;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return [
    n(count('error'), 'error', 'errors'),
    n(count('warning'), 'warning', 'warnings'),
    n(count('info'), 'note', 'notes'),
  ].join(', ');
}

function lintPage(ctx: ServerContext): string {
  const findings = [...ctx.lint].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const rows = findings.map(
    (f) =>
      `<tr class="${f.severity}"><td>${f.severity}</td><td><code>${escapeHtml(f.code)}</code></td>` +
      `<td><code>${escapeHtml(f.path)}</code></td><td>${escapeHtml(f.message)}</td></tr>`,
  );
  const title = `Lint report: ${escapeHtml(ctx.source)}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem}',
    'table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}',
    '.error td:first-child{color:#b00020;font-weight:600}.warning td:first-child{color:#8a5a00}</style>',
    '</head>',
    '<body>',
    `<p><a href="/">Back to the policy</a> · <a href="/lint.json">JSON</a></p>`,
    `<h1>${title}</h1>`,
    `<p>${lintSummary(ctx.lint)}</p>`,
    findings.length === 0
      ? '<p>No findings.</p>'
      : [
          '<table><thead><tr><th scope="col">Severity</th><th scope="col">Code</th><th scope="col">Path</th><th scope="col">Message</th></tr></thead>',
          '<tbody>',
          ...rows,
          '</tbody></table>',
        ].join('\n'),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
