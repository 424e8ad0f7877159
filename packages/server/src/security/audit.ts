import type { SubjectAccess } from '@pledge/engine';
import type { AuditActor } from '@pledge/store';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { principalOf } from './principal.js';

/** The audit actor of an API request: the key that authenticated it (never its secret). */
export function keyActor(request: FastifyRequest): AuditActor {
  return { kind: 'key', id: principalOf(request).id };
}

/**
 * Records the request's accesses to personal data in the audit log, as its key, under its
 * request id. Called before a read's answer is sent, so an access that cannot be recorded is
 * not served (the route fails closed). Invalid entries are refused with a 400 naming the field.
 */
export async function auditRequest(
  rt: Runtime,
  request: FastifyRequest,
  accesses: ReadonlyArray<Omit<SubjectAccess, 'actor' | 'requestId'>>,
): Promise<number> {
  const actor = keyActor(request);
  const result = await rt.engine.recordAccess(accesses.map((a) => ({ ...a, actor, requestId: request.id })));
  if (!result.ok) {
    const issues = result.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
    throw new HttpError(400, 'bad-request', `body ${issues[0]?.message ?? 'audit entry refused'}`, issues);
  }
  return result.appended.length;
}
