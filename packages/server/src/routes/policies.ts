import { type Issue, type Manifest, ManifestSchema, parseManifest } from '@pledge/core';
import type { PublishRefusal } from '@pledge/engine';
import type { ApiIssue } from '@pledge/protocol';
import { CurrentPolicyResponse, PolicyListResponse, PublishResponse } from '@pledge/protocol';
import type { PolicyVersion } from '@pledge/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, refusal } from '../errors.js';
import { BODY_ERRORS, errorResponse, V1_ERRORS } from '../openapi/responses.js';
import { nulError } from '../openapi/zod-bridge.js';
import type { Runtime } from '../runtime.js';

/** Media types a YAML manifest may be sent as. */
const YAML_TYPES = ['application/yaml', 'text/yaml', 'application/x-yaml'];

/**
 * `GET /v1/policies`, `GET /v1/policies/current` and `POST /v1/policies` (publish a
 * manifest sent as JSON or YAML; the YAML parser is registered for that route alone).
 */
export async function registerPolicyApiRoutes(
  app: FastifyInstance,
  rt: Runtime,
  options: { bodyLimit: number },
): Promise<void> {
  app.get(
    '/policies',
    {
      schema: {
        summary: 'Every published policy version',
        tags: ['policies'],
        response: { 200: PolicyListResponse, ...V1_ERRORS },
      },
    },
    async () => {
      await rt.syncPolicy();
      return {
        versions: rt.engine.versions.map((v) => ({
          ...summary(v),
          publishedAt: v.publishedAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/policies/current',
    {
      schema: {
        summary: 'The policy in force, with its manifest',
        tags: ['policies'],
        response: { 200: CurrentPolicyResponse, ...V1_ERRORS },
      },
    },
    async () => {
      await rt.syncPolicy();
      const { version, manifest } = rt.engine.policy;
      return {
        seq: version.seq,
        version: version.version,
        hash: version.hash,
        publishedAt: version.publishedAt.toISOString(),
        manifest,
      };
    },
  );

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      YAML_TYPES,
      { parseAs: 'string', bodyLimit: options.bodyLimit },
      (_r, body, done) => done(null, body),
    );
    scope.post<{ Body: Manifest | string }>(
      '/policies',
      {
        bodyLimit: options.bodyLimit,
        schema: {
          summary: 'Publish a new policy version',
          description:
            'The manifest as JSON, or as YAML text (application/yaml: issues then carry line and column). A new manifest must have no lint errors except those its `lintOverrides` accept (422 otherwise), and a label not published before with other content (409 otherwise). The changes against the previous version and the lint errors accepted are stored with it; purposes whose consents must be renewed are recorded, and older consents to them then need renewal. The same manifest again is a no-op (200, created false).',
          tags: ['policies'],
          body: {
            content: {
              'application/json': { schema: ManifestSchema },
              'application/yaml': { schema: z.string().describe('The manifest as YAML text.') },
            },
          },
          response: {
            200: PublishResponse.describe('This manifest was already published: nothing changed'),
            201: PublishResponse.describe('Published: the new version is in force'),
            ...BODY_ERRORS,
            409: errorResponse('The version label was already published with a different manifest'),
            422: errorResponse(
              "The manifest has lint errors no lintOverrides entry accepts: 'issues' name each rule and path",
            ),
          },
        },
      },
      async (request, reply) => {
        const manifest = typeof request.body === 'string' ? fromYaml(request.body) : request.body;
        const result = await rt.engine.publishPolicy(manifest);
        if (!result.ok) throw publishError(result);
        return reply
          .status(result.created ? 201 : 200)
          .send({ created: result.created, policy: summary(result.version) });
      },
    );
  });
}

function summary(v: PolicyVersion) {
  return {
    seq: v.seq,
    version: v.version,
    hash: v.hash,
    renewalPurposes: v.renewalPurposes,
    changes: v.changes,
    acceptedLint: v.acceptedLint,
  };
}

/** A refused publish as its answer: 422 naming each lint rule and path, 409 for a reused label. */
function publishError(refused: PublishRefusal): HttpError {
  if (refused.code === 'manifest.lint-errors') {
    const issues = (refused.issues ?? []).map((i) => ({ path: i.path, code: i.code, message: i.message }));
    return new HttpError(422, 'manifest-lint-errors', `manifest ${refused.path}: ${refused.message}`, issues);
  }
  if (refused.code === 'policy.version-label-reused') {
    return new HttpError(409, 'version-label-taken', `manifest ${refused.path}: ${refused.message}`, [
      { path: refused.path, code: refused.code, message: refused.message },
    ]);
  }
  return refusal(refused, 'the manifest is valid but cannot be compiled into a policy');
}

function fromYaml(text: string): Manifest {
  const parsed = parseManifest(text);
  if (parsed.ok) {
    const nul = nulError(parsed.manifest, 'body');
    if (nul) throw nul;
    return parsed.manifest;
  }
  const issues = parsed.issues.map(toApiIssue);
  const first = issues[0];
  throw new HttpError(
    400,
    'bad-request',
    first ? `manifest ${first.path}: ${first.message}` : 'the manifest is not valid',
    issues,
  );
}

function toApiIssue(issue: Issue): ApiIssue {
  return {
    path: issue.path,
    code: issue.code,
    message: issue.message,
    ...(issue.line !== undefined ? { line: issue.line } : {}),
    ...(issue.column !== undefined ? { column: issue.column } : {}),
  };
}
