import { randomUUID } from 'node:crypto';
import { errorInWords, renderOutboxPage } from '@pledge/console';
import { JURISDICTION_KEYS, type JurisdictionKey } from '@pledge/core';
import {
  inboundRequestDraft,
  listInbound,
  listOutbox,
  type MessageChannel,
  markInboundAsRequest,
  migrateNotify,
  RETRYABLE_STATUSES,
  releaseInboundClaim,
  retryMessage,
} from '@pledge/notify';
import { isRequestRight, questionReplyDue, REQUEST_RIGHTS, receiveRequest } from '@pledge/requests';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { consoleSessionOf, consoleUserOf, requirePermission } from '../console/index.js';
import { HttpError } from '../errors.js';
import { formText } from '../form-field.js';
import type { Runtime } from '../runtime.js';

const PAGE = '/console/outbox';

const RECIPIENT_KINDS: Record<MessageChannel, string> = {
  email: 'e-mail address',
  sms: 'phone number',
  webhook: 'webhook endpoint',
};

/** Options of {@link registerConsoleOutbox}. */
export interface ConsoleOutboxOptions {
  /** Whether an SMTP server is configured (else e-mail is held in the outbox). */
  smtpConfigured: boolean;
}

const field = (request: FastifyRequest, name: string): string | undefined => formText(request.body, name);

function badField(path: string, code: string, message: string): HttpError {
  return new HttpError(400, 'bad-request', `form field ${path}: ${message}`, [{ path, code, message }]);
}

/** The reply deadline of a message not turned into a request (P1-47). */
function dueFields(due: Date | undefined, now: number): { replyDueAt: string | null; replyOverdue: boolean } {
  return {
    replyDueAt: due ? due.toISOString() : null,
    replyOverdue: due !== undefined && due.getTime() < now,
  };
}

/**
 * The console's outbox and inbox (`requests:manage`): every stored message without its body
 * or address, "retry now" for failed or held ones (`POST /console/outbox/:id/retry`), and every
 * message received at the contact address, with the reply deadline the policy promises for
 * general questions and a form that opens a request from it (`POST
 * /console/inbox/:id/request`, channel `email`, received when the mail arrived), once.
 */
export function registerConsoleOutbox(
  app: FastifyInstance,
  rt: Runtime,
  options: ConsoleOutboxOptions,
): void {
  const db = rt.store.db;
  let ready: Promise<void> | undefined;
  const migrated = (): Promise<void> => {
    ready ??= migrateNotify(db).then(() => undefined);
    return ready;
  };
  const guard = { preHandler: requirePermission('requests:manage') };

  app.get(PAGE, guard, async (request, reply) => {
    await migrated();
    const user = consoleUserOf(request)!;
    const session = consoleSessionOf(request);
    const [outbox, inbox] = await Promise.all([
      listOutbox(db, { limit: 500 }),
      listInbound(db, { limit: 500 }),
    ]);
    const now = Date.now();
    const replyDue = (receivedAt: Date) => questionReplyDue(rt.engine.policy.manifest, receivedAt);
    const html = renderOutboxPage({
      user,
      ...(session ? { csrfToken: session.csrfToken } : {}),
      outbox: outbox.map((m) => ({
        id: m.id,
        status: m.status,
        channel: m.channel,
        template: m.template,
        recipientKind: RECIPIENT_KINDS[m.channel] ?? m.channel,
        attempts: m.attempts,
        nextAttemptAt:
          m.status === 'queued' || m.status === 'retrying' ? m.nextAttemptAt.toISOString() : null,
        lastError: errorInWords(m.lastError),
        createdAt: m.createdAt.toISOString(),
        retryable: (RETRYABLE_STATUSES as readonly string[]).includes(m.status),
      })),
      inbox: inbox.map((m) => ({
        id: m.id,
        from: m.from,
        subject: m.subject,
        receivedAt: m.receivedAt.toISOString(),
        size: m.size,
        requestRef: m.requestRef,
        // Once a request is opened from it, the request's own deadline applies.
        ...(m.requestRef === null ? dueFields(replyDue(m.receivedAt), now) : {}),
      })),
      rights: REQUEST_RIGHTS,
      jurisdictions: JURISDICTION_KEYS,
      smtpConfigured: options.smtpConfigured,
    });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.post<{ Params: { id: string } }>(`${PAGE}/:id/retry`, guard, async (request, reply) => {
    await migrated();
    if (!(await retryMessage(db, request.params.id, new Date()))) {
      throw new HttpError(404, 'not-found', 'no failed or held message has this id');
    }
    await reply.redirect(PAGE, 303);
  });

  app.post<{ Params: { id: string } }>('/console/inbox/:id/request', guard, async (request, reply) => {
    await migrated();
    const right = field(request, 'right');
    if (right === undefined) throw badField('right', 'required', 'right is required');
    if (!isRequestRight(right)) throw badField('right', 'request.right-unknown', 'not a known right');
    const jurisdiction = field(request, 'jurisdiction');
    if (jurisdiction !== undefined && !(JURISDICTION_KEYS as readonly string[]).includes(jurisdiction)) {
      throw badField('jurisdiction', 'request.jurisdiction-unknown', 'not a known jurisdiction');
    }
    const draft = await inboundRequestDraft(db, request.params.id);
    if (!draft) throw new HttpError(404, 'not-found', 'no received message has this id');
    const refused = (message: string) =>
      new HttpError(409, 'request-transition-refused', message, [
        { path: 'id', code: 'inbound.already-request', message },
      ]);
    // Hold the message first, so two officers posting at once open one request, not two.
    const claim = `claim:${randomUUID()}`;
    if (draft.requestRef !== null || !(await markInboundAsRequest(db, draft.inboundId, claim))) {
      throw refused('this message was already turned into a request');
    }
    const user = consoleUserOf(request)!;
    const received = await receiveRequest(
      db,
      {
        right,
        channel: 'email',
        contact: { kind: 'email', address: draft.replyTo },
        ...(jurisdiction ? { jurisdiction: jurisdiction as JurisdictionKey } : {}),
        ...(draft.text.trim() ? { details: draft.text.trim().slice(0, 5000) } : {}),
        receivedAt: draft.receivedAt,
      },
      { actor: { kind: 'user', id: user.id }, manifest: rt.engine.policy.manifest },
    ).catch(async (error: unknown) => {
      await releaseInboundClaim(db, draft.inboundId, claim);
      throw error;
    });
    if (!received.ok) {
      await releaseInboundClaim(db, draft.inboundId, claim);
      throw new HttpError(400, 'bad-request', received.message, [
        { path: received.path, code: received.code, message: received.message },
      ]);
    }
    await markInboundAsRequest(db, draft.inboundId, received.request.id, claim);
    await reply.redirect('/console/requests', 303);
  });
}
