import { renderRequestsPage } from '@pledge/console';
import {
  ALLOWED_TRANSITIONS,
  completeManualTask,
  DENIAL_GROUNDS,
  type DenialGround,
  EXTENSION_REASONS,
  type ExtensionReason,
  listManualTasks,
  listRequests,
  type RequestView,
  type TransitionAction,
  transitionRequest,
  VERIFIED_BY,
  type VerifiedBy,
} from '@pledge/requests';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { consoleSessionOf, consoleUserOf, requirePermission } from '../console/index.js';
import { HttpError } from '../errors.js';
import { formText, requiredFormField } from '../form-field.js';
import type { Execution } from '../request-runner/execution.js';
import type { Runtime } from '../runtime.js';
import { executionRows } from './console-execution.js';

const PAGE = '/console/requests';
const STEPS = ['verify', 'clarify', 'resume', 'extend', 'deny', 'complete'] as const;
type Step = (typeof STEPS)[number];

/** The state each step leads to, to offer only the steps a request's state allows. */
const TARGET: Record<Exclude<Step, 'resume'>, string> = {
  verify: 'verified',
  clarify: 'needs-clarification',
  extend: 'extended',
  deny: 'denied',
  complete: 'completed',
};

function stepsOf(r: RequestView): Step[] {
  return STEPS.filter((step) =>
    step === 'resume'
      ? r.state === 'needs-clarification'
      : (ALLOWED_TRANSITIONS[r.state] as readonly string[]).includes(TARGET[step]) &&
        !(step === 'extend' && r.extension !== null),
  );
}

const field = (request: FastifyRequest, name: string): string | undefined => formText(request.body, name);

/** A required form field, trimmed, or a 400 naming it. */
const required = (request: FastifyRequest, name: string): string =>
  requiredFormField(request.body, name).trim();

function actionOf(step: Step, request: FastifyRequest): TransitionAction {
  const note = field(request, 'note');
  switch (step) {
    case 'verify':
      return { action: 'verify', method: required(request, 'method') as VerifiedBy };
    case 'clarify':
      return { action: 'clarify', question: required(request, 'question') };
    case 'resume':
      return { action: 'resume' };
    case 'extend':
      return {
        action: 'extend',
        reasons: [required(request, 'reason') as ExtensionReason],
        ...(note ? { note } : {}),
      };
    case 'deny':
      return {
        action: 'deny',
        grounds: [required(request, 'ground') as DenialGround],
        complaintRoute: required(request, 'complaintRoute'),
      };
    case 'complete':
      return { action: 'complete', ...(note ? { note } : {}) };
  }
}

/**
 * The console's request queue (`requests:manage`): every request by due date with no contact
 * shown, and one form per step its state allows, posted with the session's CSRF token to
 * `POST /console/requests/:id/:step`; each step is recorded with the user as its actor.
 */
export function registerConsoleRequests(app: FastifyInstance, rt: Runtime, execution: Execution): void {
  app.get(PAGE, { preHandler: requirePermission('requests:manage') }, async (request, reply) => {
    const user = consoleUserOf(request)!;
    const session = consoleSessionOf(request);
    const rows = await listRequests(rt.store.db, { limit: 500 });
    const tasks = await listManualTasks(
      rt.store.db,
      rows.map((r) => r.id),
    );
    const execs = await executionRows(rt, execution, rows);
    const regulators = rt.engine.policy.manifest.complaints?.regulators ?? [];
    const html = renderRequestsPage({
      user,
      ...(session ? { csrfToken: session.csrfToken } : {}),
      requests: rows.map((r) => ({
        id: r.id,
        right: r.right,
        state: r.state,
        jurisdiction: r.jurisdiction,
        channel: r.channel,
        receivedAt: r.receivedAt.toISOString(),
        dueAt: r.dueAt ? r.dueAt.toISOString() : null,
        overdue: r.overdueAt !== null,
        extended: r.extension !== null,
        duplicateOf: r.duplicateOf,
        feeChargeable: r.fee.chargeable,
        steps: stepsOf(r),
        ...(execs.get(r.id) ? { execution: execs.get(r.id) } : {}),
        manualTasks: tasks
          .filter((t) => t.requestId === r.id)
          .map((t) => ({
            id: t.id,
            label: t.label,
            done: t.done,
            evidence: t.evidence,
            doneBy: t.doneBy
              ? t.doneBy.id === user.id
                ? user.email
                : `${t.doneBy.kind} ${t.doneBy.id.slice(0, 8)}`
              : null,
            doneAt: t.doneAt ? t.doneAt.toISOString() : null,
          })),
      })),
      verifiedBy: VERIFIED_BY,
      extensionReasons: EXTENSION_REASONS,
      denialGrounds: DENIAL_GROUNDS,
      complaintRoute: regulators
        .map((r) => (typeof r === 'string' ? r : (r.en ?? r['zh-CN'] ?? '')))
        .filter(Boolean)
        .join('; '),
    });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.post<{ Params: { id: string; taskId: string } }>(
    `${PAGE}/:id/tasks/:taskId`,
    { preHandler: requirePermission('requests:manage') },
    async (request, reply) => {
      const user = consoleUserOf(request)!;
      const done = await completeManualTask(rt.store.db, request.params.id, request.params.taskId, {
        evidence: field(request, 'evidence') ?? '',
        actor: { kind: 'user', id: user.id },
        now: new Date(),
      });
      if (!done.ok) {
        const status =
          done.code === 'request.manual-task-not-found'
            ? 404
            : done.code === 'request.manual-task-done'
              ? 409
              : 400;
        throw new HttpError(
          status,
          status === 404 ? 'not-found' : status === 409 ? 'request-transition-refused' : 'bad-request',
          done.message,
          [{ path: done.path, code: done.code, message: done.message }],
        );
      }
      await reply.redirect(PAGE, 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    `${PAGE}/:id/approve`,
    { preHandler: requirePermission('requests:manage') },
    async (request, reply) => {
      const user = consoleUserOf(request)!;
      const roots = field(request, 'roots');
      const count = roots === undefined ? undefined : Number(roots);
      if (count !== undefined && (!Number.isInteger(count) || count < 2))
        throw new HttpError(400, 'bad-request', 'roots: must be a whole number of at least 2', [
          { path: 'roots', code: 'invalid-field', message: 'must be a whole number of at least 2' },
        ]);
      const approved = await execution.approve(request.params.id, { kind: 'user', id: user.id }, count);
      if (!approved.ok) {
        if (approved.code === 'request.not-found')
          throw new HttpError(404, 'request-not-found', approved.message);
        throw new HttpError(
          approved.path === 'state' ? 409 : 400,
          approved.path === 'state' ? 'request-transition-refused' : 'bad-request',
          approved.message,
          [{ path: approved.path, code: approved.code, message: approved.message }],
        );
      }
      await reply.redirect(PAGE, 303);
    },
  );

  app.post<{ Params: { id: string; step: string } }>(
    `${PAGE}/:id/:step`,
    { preHandler: requirePermission('requests:manage') },
    async (request, reply) => {
      const step = request.params.step as Step;
      if (!STEPS.includes(step)) throw new HttpError(404, 'not-found', 'no such step');
      const user = consoleUserOf(request)!;
      const done = await transitionRequest(rt.store.db, request.params.id, actionOf(step, request), {
        actor: { kind: 'user', id: user.id },
      });
      if (!done.ok) {
        if (done.code === 'request.not-found') throw new HttpError(404, 'request-not-found', done.message);
        const status =
          done.path === 'state' ||
          done.code === 'request.extension-not-allowed' ||
          done.code === 'request.manual-tasks-open'
            ? 409
            : 400;
        throw new HttpError(
          status,
          status === 409 ? 'request-transition-refused' : 'bad-request',
          done.message,
          [{ path: done.path, code: done.code, message: done.message }],
        );
      }
      // A verified request is carried out at once, not at the runner's next poll.
      if (step === 'verify' || step === 'resume') execution.kick();
      await reply.redirect(PAGE, 303);
    },
  );
}
