import { JurisdictionKey } from '@pledge/core';
import {
  CONTACT_KINDS,
  DENIAL_GROUNDS,
  EXTENSION_REASONS,
  getRequest,
  listRequests,
  REQUEST_CHANNELS,
  REQUEST_RIGHTS,
  REQUEST_STATES,
  type RequestView,
  receiveRequest,
  requestEvents,
  requestPackage,
  type TransitionAction,
  transitionRequest,
  VERIFIED_BY,
} from '@pledge/requests';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError, refusal } from '../errors.js';
import { BODY_ERRORS, errorResponse, V1_ERRORS } from '../openapi/responses.js';
import { packageLinkKey, signPackageLink } from '../privacy-center/package-link.js';
import type { Execution } from '../request-runner/execution.js';
import type { Runtime } from '../runtime.js';
import { auditRequest, keyActor } from '../security/audit.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

const ReceiveBody = z
  .object({
    right: z.enum(REQUEST_RIGHTS),
    channel: z.enum(REQUEST_CHANNELS).default('api'),
    contact: z.object({ kind: z.enum(CONTACT_KINDS), address: Text(320) }).strict(),
    jurisdiction: JurisdictionKey.optional(),
    identity: z
      .record(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/), z.array(Text(320)).min(1).max(20))
      .optional(),
    details: z.string().max(5000).optional(),
    language: z.string().max(35).optional(),
    agent: z
      .object({ name: Text(500), authorisation: Text(500) })
      .strict()
      .optional(),
    receivedAt: z
      .string()
      .datetime({ offset: true })
      .optional()
      .describe('For a letter or call entered later.'),
  })
  .strict();

const IdParams = z.object({ id: z.string().uuid() });
type IdParams = z.infer<typeof IdParams>;

const ListQuery = z
  .object({
    state: z.enum(REQUEST_STATES).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  })
  .strict();

const ExtendBody = z
  .object({ reasons: z.array(z.enum(EXTENSION_REASONS)).min(1), note: Text(2000).optional() })
  .strict();
const DenyBody = z
  .object({
    grounds: z.array(z.enum(DENIAL_GROUNDS)).min(1),
    complaintRoute: Text(2000).optional().describe("Default: the policy's regulators."),
    explanation: Text(2000).optional(),
  })
  .strict();
const ClarifyBody = z.object({ question: Text(2000) }).strict();
const CompleteBody = z.object({ note: Text(2000).optional() }).strict();
const VerifyBody = z.object({ method: z.enum(VERIFIED_BY) }).strict();
const EmptyBody = z.object({}).strict();

/** A request without personal data: what the queue shows. */
const RequestSummary = z.object({
  id: z.string(),
  right: z.enum(REQUEST_RIGHTS),
  state: z.enum(REQUEST_STATES),
  jurisdiction: z.string().nullable(),
  channel: z.string(),
  receivedAt: z.string(),
  verifiedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  dueRule: z.string().nullable(),
  overdue: z.boolean(),
  extended: z.boolean(),
  duplicateOf: z.string().nullable(),
  feeChargeable: z.boolean(),
  dsrRequestId: z.string().nullable(),
});

const RequestDetail = RequestSummary.extend({
  contact: z.object({ kind: z.string(), address: z.string() }),
  identity: z.record(z.string(), z.array(z.string())),
  details: z.string().nullable(),
  language: z.string().nullable(),
  agent: z.object({ name: z.string(), authorisation: z.string() }).nullable(),
  extension: z
    .object({ reasons: z.array(z.string()), note: z.string().nullable(), at: z.string() })
    .nullable(),
  denial: z
    .object({ grounds: z.array(z.string()), complaintRoute: z.string(), explanation: z.string().nullable() })
    .nullable(),
  fee: z.object({ chargeable: z.boolean(), basis: z.string(), repeatCount: z.number() }),
  pausedFrom: z.string().nullable(),
});

const EventJson = z.object({
  at: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actor: z.object({ kind: z.string(), id: z.string() }),
  detail: z
    .record(z.string(), z.unknown())
    .describe('Reasons, codes and counts of the step (never identity values), e.g. why a DSR job stopped.'),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summary(r: RequestView): z.infer<typeof RequestSummary> {
  return {
    id: r.id,
    right: r.right,
    state: r.state,
    jurisdiction: r.jurisdiction,
    channel: r.channel,
    receivedAt: r.receivedAt.toISOString(),
    verifiedAt: iso(r.verifiedAt),
    dueAt: iso(r.dueAt),
    dueRule: r.dueRule,
    overdue: r.overdueAt !== null,
    extended: r.extension !== null,
    duplicateOf: r.duplicateOf,
    feeChargeable: r.fee.chargeable,
    dsrRequestId: r.dsrRequestId,
  };
}

function detail(r: RequestView): z.infer<typeof RequestDetail> {
  return {
    ...summary(r),
    contact: r.contact,
    identity: r.identity,
    details: r.details,
    language: r.language,
    agent: r.agent,
    extension: r.extension,
    denial: r.denial,
    fee: r.fee,
    pausedFrom: r.pausedFrom,
  };
}

/** The person a request is about, for the access audit log: their user id, else their contact address. */
function auditSubject(r: RequestView): string {
  return r.identity['user-id']?.[0] ?? r.contact.address;
}

const notFound = () =>
  new HttpError(404, 'request-not-found', 'no data-subject request has this id', [
    { path: 'id', code: 'request.not-found', message: 'no such request' },
  ]);

/**
 * Data-subject requests (`dsr` scope): intake (`POST /v1/requests`), the queue by due date,
 * one request with its history, and the officer's steps. Each read or write of a request's
 * personal data is in the access audit log before the answer is sent.
 */
export function registerRequestRoutes(app: FastifyInstance, rt: Runtime, execution?: Execution): void {
  const db = rt.store.db;
  const linkKey = packageLinkKey(rt.subjectKey);
  const read = async (request: FastifyRequest, r: RequestView, action: 'api-read' | 'api-write') =>
    auditRequest(rt, request, [{ action, subject: auditSubject(r), reason: null }]);

  app.post<{ Body: z.infer<typeof ReceiveBody> }>(
    '/requests',
    {
      schema: {
        summary: 'Receive a data-subject request',
        description:
          'Stores the request at once in state received, with its deadline (the law of `jurisdiction` and the policy, the stricter winning), its fee decision (first copy free) and a link to an open duplicate. A request need not name a law.',
        tags: ['requests'],
        body: ReceiveBody,
        response: { 201: z.object({ request: RequestDetail }), ...BODY_ERRORS },
      },
    },
    async (request, reply) => {
      await rt.syncPolicy();
      const { receivedAt, ...body } = request.body;
      const received = await receiveRequest(
        db,
        { ...body, ...(receivedAt ? { receivedAt: new Date(receivedAt) } : {}) },
        { actor: keyActor(request), manifest: rt.engine.policy.manifest },
      );
      if (!received.ok) throw refusal(received);
      await read(request, received.request, 'api-write');
      return reply.status(201).send({ request: detail(received.request) });
    },
  );

  app.get<{ Querystring: z.infer<typeof ListQuery> }>(
    '/requests',
    {
      schema: {
        summary: 'The request queue, by due date',
        description:
          'Soonest deadline first; requests whose clock has not started come last. No personal data.',
        tags: ['requests'],
        querystring: ListQuery,
        response: { 200: z.object({ requests: z.array(RequestSummary) }), ...V1_ERRORS },
      },
    },
    async (request) => {
      const q = request.query;
      const requests = await listRequests(db, {
        ...(q.state ? { states: [q.state] } : {}),
        ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
        ...(q.offset ? { offset: q.offset } : {}),
      });
      return { requests: requests.map(summary) };
    },
  );

  app.get<{ Params: IdParams }>(
    '/requests/:id',
    {
      schema: {
        summary: 'One request, with its history',
        tags: ['requests'],
        params: IdParams,
        response: {
          200: z.object({
            request: RequestDetail,
            events: z.array(EventJson),
            packageUrl: z
              .string()
              .optional()
              .describe(
                'Access and portability, once the package is stored: a link signed for 15 minutes, served only to the browser that made the request in the privacy center.',
              ),
          }),
          ...V1_ERRORS,
          404: errorResponse('No such request'),
        },
      },
    },
    async (request) => {
      const found = await getRequest(db, request.params.id);
      if (!found) throw notFound();
      await read(request, found, 'api-read');
      const events = await requestEvents(db, found.id);
      const ready = (await requestPackage(db, found.id)) !== undefined;
      return {
        request: detail(found),
        ...(ready ? { packageUrl: signPackageLink(linkKey, found.id, Date.now()) } : {}),
        events: events.map((e) => ({
          at: e.at.toISOString(),
          action: e.action,
          fromState: e.fromState,
          toState: e.toState,
          actor: e.actor,
          detail: e.detail,
        })),
      };
    },
  );

  const step = <B extends z.ZodTypeAny>(
    name: string,
    summaryText: string,
    body: B,
    toAction: (body: z.infer<B>) => TransitionAction,
  ) =>
    app.post<{ Params: IdParams; Body: z.infer<B> }>(
      `/requests/:id/${name}`,
      {
        schema: {
          summary: summaryText,
          tags: ['requests'],
          params: IdParams,
          body,
          response: {
            200: z.object({ request: RequestDetail }),
            ...BODY_ERRORS,
            404: errorResponse('No such request'),
            409: errorResponse('The request cannot take this step in its state'),
          },
        },
      },
      async (request) => {
        const done = await transitionRequest(db, request.params.id, toAction(request.body as z.infer<B>), {
          actor: keyActor(request),
        });
        if (!done.ok) {
          if (done.code === 'request.not-found') throw notFound();
          if (
            done.path === 'state' ||
            done.code === 'request.extension-not-allowed' ||
            done.code === 'request.manual-tasks-open'
          ) {
            throw new HttpError(409, 'request-transition-refused', done.message, [
              { path: done.path, code: done.code, message: done.message },
            ]);
          }
          throw refusal(done);
        }
        await read(request, done.request, 'api-write');
        // A verified request is carried out at once, not at the runner's next poll.
        execution?.kick();
        return { request: detail(done.request) };
      },
    );

  step('verify', 'Record that the requester is verified', VerifyBody, (b) => ({
    action: 'verify',
    method: b.method,
  }));
  step('clarify', 'Ask the requester to clarify (pauses where the law allows)', ClarifyBody, (b) => ({
    action: 'clarify',
    question: b.question,
  }));
  step('resume', 'Resume a request after clarification', EmptyBody, () => ({ action: 'resume' }));
  step('extend', 'Extend the deadline, with reasons, within the law', ExtendBody, (b) => ({
    action: 'extend',
    reasons: b.reasons,
    ...(b.note ? { note: b.note } : {}),
  }));
  step('deny', 'Deny, with grounds and the complaint route', DenyBody, (b) => {
    const regulators = rt.engine.policy.manifest.complaints?.regulators ?? [];
    const fallback = regulators
      .map((r) => (typeof r === 'string' ? r : Object.values(r)[0]))
      .filter(Boolean)
      .join('; ');
    return {
      action: 'deny',
      grounds: b.grounds,
      complaintRoute: b.complaintRoute ?? fallback,
      ...(b.explanation ? { explanation: b.explanation } : {}),
    };
  });
  step('complete', 'Mark the request answered', CompleteBody, (b) => ({
    action: 'complete',
    ...(b.note ? { note: b.note } : {}),
  }));
}
