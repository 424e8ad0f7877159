import { ContractKind, INSPECTION_KINDS, INSPECTION_OUTCOMES, MAX_CONTRACT_BYTES } from '@pledge/core';
import {
  checkContractDocument,
  endRecipientEngagement,
  type RegisterEntry,
  recipientsRegister,
} from '@pledge/engine';
import { CalendarDay, ContractJson, RegisterResponse } from '@pledge/protocol';
import { addContract, addInspection, listContracts, readContractDocument } from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../errors.js';
import { BODY_ERRORS, errorResponse, textResponse, V1_ERRORS } from '../openapi/responses.js';
import type { Runtime } from '../runtime.js';
import { principalOf } from '../security/principal.js';

const RecipientParams = z.object({ id: z.string().min(1).max(100) });
type RecipientParams = z.infer<typeof RecipientParams>;

const DocumentParams = z.object({
  id: z.string().min(1).max(100),
  contract: z.string().uuid(),
});

const ContractQuery = z
  .object({ kind: ContractKind, signedOn: CalendarDay, expiresOn: CalendarDay.optional() })
  .strict();

const InspectionBody = z
  .object({
    kind: z.enum(INSPECTION_KINDS),
    outcome: z.enum(INSPECTION_OUTCOMES),
    performedOn: CalendarDay,
    note: z.string().min(1).max(1000).optional().describe('No personal data.'),
  })
  .strict();

const EndBody = z.object({ endedOn: CalendarDay }).strict();

/** Media types the contract route reads as raw bytes (the document check decides what is kept). */
const DOCUMENT_TYPES = ['application/pdf', 'text/plain', 'application/octet-stream'];

function registerJson(entry: RegisterEntry): z.infer<typeof RegisterResponse>['recipients'][number] {
  const { recipient } = entry;
  const name = typeof recipient.name === 'string' ? recipient.name : (Object.values(recipient.name)[0] ?? '');
  return {
    id: recipient.id,
    name,
    kind: recipient.kind,
    purposes: recipient.purposes,
    categories: recipient.categories,
    requirements: entry.requirements.map((r) => ({
      anyOf: [...r.anyOf],
      rule: r.rule,
      satisfied: r.satisfied,
    })),
    contracts: entry.contracts.map((c) => ({
      id: c.id,
      kind: c.kind,
      signedOn: c.signedOn,
      ...(c.expiresOn ? { expiresOn: c.expiresOn } : {}),
      mediaType: c.mediaType,
      size: c.size,
      sha256: c.sha256,
      valid: c.inForce,
    })),
    inspections: entry.inspections.map((i) => ({
      kind: i.kind,
      outcome: i.outcome,
      performedOn: i.performedOn,
    })),
    engagement: entry.engagement,
    flags: entry.flags,
  };
}

function knownRecipient(rt: Runtime, id: string): void {
  if (!rt.engine.policy.manifest.recipients.some((r) => r.id === id)) {
    throw new HttpError(
      404,
      'recipient-not-found',
      'the policy in force declares no recipient with this id',
      [{ path: 'id', code: 'recipient.unknown', message: 'no such recipient' }],
    );
  }
}

/**
 * The recipients register (`recipients` scope): `GET /v1/recipients`, contracts filed as the
 * raw document (`POST /v1/recipients/:id/contracts`), inspections, and the end of an engagement.
 */
export async function registerRecipientRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  app.get(
    '/recipients',
    {
      schema: {
        summary: 'The recipients register',
        description:
          'Every recipient of the policy in force, with the contracts it needs and whether each is met today, the contracts and inspections on file, its engagement, and flags for what is missing.',
        tags: ['recipients'],
        response: { 200: RegisterResponse, ...V1_ERRORS },
      },
    },
    async () => {
      await rt.syncPolicy();
      return { recipients: (await recipientsRegister(rt.engine)).map(registerJson) };
    },
  );

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      DOCUMENT_TYPES,
      // One byte over the limit still reaches the document check, which names the field.
      { parseAs: 'buffer', bodyLimit: MAX_CONTRACT_BYTES + 1 },
      (_r, body, done) => done(null, body),
    );
    scope.post<{ Params: RecipientParams; Querystring: z.infer<typeof ContractQuery>; Body: unknown }>(
      '/recipients/:id/contracts',
      {
        bodyLimit: MAX_CONTRACT_BYTES + 1,
        schema: {
          summary: 'File a contract with a recipient',
          description: `The document is the body (application/pdf or text/plain, at most ${MAX_CONTRACT_BYTES} bytes); a PDF must start with %PDF-. Kind and dates go in the query.`,
          tags: ['recipients'],
          params: RecipientParams,
          querystring: ContractQuery,
          response: {
            201: z.object({ contract: ContractJson }),
            ...BODY_ERRORS,
            404: errorResponse('No such recipient'),
          },
        },
      },
      async (request, reply) => {
        knownRecipient(rt, request.params.id);
        const { kind, signedOn, expiresOn } = request.query;
        if (expiresOn !== undefined && expiresOn < signedOn) {
          const message = 'expiresOn must not be before signedOn';
          throw new HttpError(400, 'bad-request', message, [
            { path: 'expiresOn', code: 'contract.expiry-before-signing', message },
          ]);
        }
        const body = request.body;
        const document = body instanceof Uint8Array ? body : new Uint8Array();
        const checked = checkContractDocument(request.headers['content-type'], document);
        if (!checked.ok) {
          const status = checked.status;
          const code =
            status === 413 ? 'payload-too-large' : status === 415 ? 'unsupported-media-type' : 'bad-request';
          throw new HttpError(status, code, checked.message, [
            { path: checked.path, code: checked.code, message: checked.message },
          ]);
        }
        const contract = await addContract(rt.store.db, {
          recipient: request.params.id,
          kind,
          signedOn,
          ...(expiresOn ? { expiresOn } : {}),
          mediaType: checked.mediaType,
          document,
          recordedBy: principalOf(request).id,
        });
        const today = new Date().toISOString().slice(0, 10);
        return reply.status(201).send({
          contract: {
            id: contract.id,
            kind: contract.kind,
            signedOn: contract.signedOn,
            ...(contract.expiresOn ? { expiresOn: contract.expiresOn } : {}),
            mediaType: contract.mediaType,
            size: contract.size,
            sha256: contract.sha256,
            valid:
              contract.signedOn <= today && (contract.expiresOn === undefined || contract.expiresOn >= today),
          },
        });
      },
    );
  });

  app.get<{ Params: z.infer<typeof DocumentParams> }>(
    '/recipients/:id/contracts/:contract',
    {
      schema: {
        summary: 'A filed contract document',
        description: 'The document as filed, with its media type, as an attachment.',
        tags: ['recipients'],
        params: DocumentParams,
        response: {
          200: textResponse('The document as filed', ['application/pdf', 'text/plain']),
          ...V1_ERRORS,
          404: errorResponse('No such contract with this recipient'),
        },
      },
    },
    async (request, reply) => {
      const { id, contract } = request.params;
      const filed = (await listContracts(rt.store.db, id)).some((c) => c.id === contract);
      const found = filed ? await readContractDocument(rt.store.db, contract) : undefined;
      if (!found)
        throw new HttpError(404, 'not-found', 'no contract with this id is filed with this recipient');
      return reply
        .type(found.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${contract}${found.mediaType === 'application/pdf' ? '.pdf' : '.txt'}"`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(found.document));
    },
  );

  app.post<{ Params: RecipientParams; Body: z.infer<typeof InspectionBody> }>(
    '/recipients/:id/inspections',
    {
      schema: {
        summary: 'Record an inspection, appraisal or audit of a recipient',
        tags: ['recipients'],
        params: RecipientParams,
        body: InspectionBody,
        response: {
          201: z.object({ id: z.string() }),
          ...BODY_ERRORS,
          404: errorResponse('No such recipient'),
        },
      },
    },
    async (request, reply) => {
      knownRecipient(rt, request.params.id);
      const made = await addInspection(rt.store.db, {
        recipient: request.params.id,
        ...request.body,
        recordedBy: principalOf(request).id,
      });
      return reply.status(201).send({ id: made.id });
    },
  );

  app.post<{ Params: RecipientParams; Body: z.infer<typeof EndBody> }>(
    '/recipients/:id/end',
    {
      schema: {
        summary: 'End the engagement with a recipient',
        description: 'Records the date and queues a request to the recipient to delete the data it holds.',
        tags: ['recipients'],
        params: RecipientParams,
        body: EndBody,
        response: {
          200: z.object({ deletionRequest: z.object({ id: z.string(), status: z.string() }) }),
          ...BODY_ERRORS,
          404: errorResponse('No such recipient'),
        },
      },
    },
    async (request) => {
      knownRecipient(rt, request.params.id);
      const ended = await endRecipientEngagement(rt.engine, request.params.id, request.body.endedOn);
      if (!ended.ok) throw new HttpError(404, 'recipient-not-found', 'no such recipient');
      return { deletionRequest: { id: ended.request.id, status: ended.request.status } };
    },
  );
}
