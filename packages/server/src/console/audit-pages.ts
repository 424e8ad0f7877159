import {
  type AuditEntryView,
  type AuditFilters,
  renderAuditPage,
  renderSubjectsPage,
  type SubjectsPageModel,
} from '@pledge/console';
import type { LocalText } from '@pledge/core';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditQuery,
  readAuditEntries,
  reasonProblem,
} from '@pledge/store';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { formField } from '../form-field.js';
import type { Runtime } from '../runtime.js';
import { requirePermission } from './require-permission.js';
import { consolePageContext } from './state.js';

/** The console pages post their forms to themselves: the site CSP with `form-action 'self'`. */
export const CONSOLE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const IDENTIFIER_MAX = 256;
const PAGE_SIZE = 100;

const text = (value: LocalText): string =>
  typeof value === 'string' ? value : (value.en ?? value['zh-CN'] ?? '');

const field = (body: unknown, name: string): string => formField(body, name) ?? '';

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', CONSOLE_CSP)
    .send(html);
}

/** A `YYYY-MM-DD` day as its UTC start, or undefined when the text is not one. */
function day(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : date;
}

/**
 * `GET`/`POST /console/subjects` (permission `subjects:lookup`): the lookup form; a lookup
 * with an identifier and a valid reason reads the subject's events, records a
 * `subject-lookup` audit entry (the user, the reason, the pseudonym) before anything is
 * shown, and shows consent per purpose and the events. `GET /console/audit` (permission
 * `audit:read`): audit entries filtered by actor, action and days, a page at a time.
 */
export function registerAuditPages(app: FastifyInstance, rt: Runtime): void {
  app.get(
    '/console/subjects',
    { preHandler: requirePermission('subjects:lookup') },
    async (request, reply) => {
      const session = consolePageContext(request);
      return sendPage(reply, 200, renderSubjectsPage({ user: session.user, csrfToken: session.csrfToken }));
    },
  );

  app.post(
    '/console/subjects',
    { preHandler: requirePermission('subjects:lookup') },
    async (request, reply) => {
      const session = consolePageContext(request);
      const identifier = field(request.body, 'identifier').trim();
      const reason = field(request.body, 'reason').trim();
      const errors: NonNullable<SubjectsPageModel['errors']>[number][] = [];
      if (identifier.length === 0 || identifier.length > IDENTIFIER_MAX) {
        errors.push({
          field: 'identifier',
          message: `Enter the subject's identifier (1 to ${IDENTIFIER_MAX} characters).`,
        });
      }
      const problem = reasonProblem(reason, true);
      if (problem) errors.push({ field: 'reason', message: `The reason ${problem}.` });
      // A refused reason is not written back: it may be the personal value it was refused for.
      const base = { user: session.user, csrfToken: session.csrfToken, reason: problem ? '' : reason };
      if (errors.length > 0) return sendPage(reply, 400, renderSubjectsPage({ ...base, errors }));

      const events = await rt.engine.events(identifier);
      const recorded = await rt.engine.recordAccess([
        {
          action: 'subject-lookup',
          actor: { kind: 'user', id: session.user.id },
          ...(events[0] ? { pseudonym: events[0].pseudonym } : { subject: identifier }),
          categories: events.flatMap((e) => e.categories),
          reason,
          requestId: request.id,
        },
      ]);
      // The inputs were checked above; a refusal here is a bug, and nothing is shown unaudited.
      if (!recorded.ok) throw new Error(`the lookup could not be audited: ${recorded.issues[0]?.code}`);
      const pseudonym =
        events[0]?.pseudonym ??
        (await readAuditEntries(rt.store.db, { after: (recorded.appended[0]?.seq ?? 1) - 1, limit: 1 }))
          .entries[0]?.subject ??
        '';
      const purposes = rt.engine.policy.manifest.purposes.map((p) => {
        const last = events.findLast((e) => e.purposes.includes(p.id));
        return {
          id: p.id,
          name: text(p.name),
          ...(last ? { last: { type: last.type, at: last.occurredAt } } : {}),
        };
      });
      const shown = events.map((e) => ({
        seq: e.seq,
        type: e.type,
        purposes: e.purposes,
        categories: e.categories,
        method: e.method,
        source: e.source,
        occurredAt: e.occurredAt,
      }));
      return sendPage(
        reply,
        200,
        renderSubjectsPage({ ...base, reason: '', result: { pseudonym, purposes, events: shown } }),
      );
    },
  );

  app.get('/console/audit', { preHandler: requirePermission('audit:read') }, async (request, reply) => {
    const session = consolePageContext(request);
    const raw = request.query as Record<string, unknown>;
    const filters: AuditFilters = {};
    for (const name of ['actor', 'action', 'from', 'to'] as const) {
      const value = typeof raw[name] === 'string' ? (raw[name] as string).trim() : '';
      if (value) filters[name] = value;
    }
    const errors: Array<{ field: keyof AuditFilters; message: string }> = [];
    const query: AuditQuery = { limit: PAGE_SIZE };
    if (filters.actor !== undefined) {
      if (filters.actor.length > 200)
        errors.push({ field: 'actor', message: 'An actor id has at most 200 characters.' });
      else query.actor = filters.actor;
    }
    if (filters.action !== undefined) {
      if (AUDIT_ACTIONS.includes(filters.action as AuditAction)) query.action = filters.action as AuditAction;
      else
        errors.push({ field: 'action', message: `The action must be one of ${AUDIT_ACTIONS.join(', ')}.` });
    }
    if (filters.from !== undefined) {
      const from = day(filters.from);
      if (from) query.from = from;
      else errors.push({ field: 'from', message: 'From must be a day written YYYY-MM-DD.' });
    }
    if (filters.to !== undefined) {
      const to = day(filters.to);
      if (to) query.to = new Date(to.getTime() + 86_400_000);
      else errors.push({ field: 'to', message: 'To must be a day written YYYY-MM-DD.' });
    }
    const after =
      typeof raw.after === 'string' && /^\d{1,15}$/.test(raw.after) ? Number(raw.after) : undefined;
    if (after !== undefined) query.after = after;
    const user = session.user;
    if (errors.length > 0) {
      return sendPage(
        reply,
        400,
        renderAuditPage({ user, actions: AUDIT_ACTIONS, filters, errors, entries: [] }),
      );
    }
    const page = await readAuditEntries(rt.store.db, query);
    const entries: AuditEntryView[] = page.entries.map((e) => ({
      seq: e.seq,
      recordedAt: e.recordedAt,
      action: e.action,
      actor: e.actor,
      subject: e.subject,
      categories: e.categories,
      purpose: e.purpose,
      reason: e.reason,
      count: e.count,
      windowStart: e.windowStart,
    }));
    const next =
      page.next === undefined
        ? undefined
        : new URLSearchParams({ ...filters, after: String(page.next) } as Record<string, string>).toString();
    return sendPage(
      reply,
      200,
      renderAuditPage({ user, actions: AUDIT_ACTIONS, filters, entries, ...(next ? { next } : {}) }),
    );
  });
}
