import { randomUUID } from 'node:crypto';
import type { VerificationContext } from './context.js';
import { recordVerification } from './results.js';
import { verificationDb } from './schema.js';

/** An agent's authorisation to act for a person, as an officer records it. */
export interface AgentAuthorisationInput {
  requestRef: string;
  agent: { name: string; contact: string };
  /** Where the signed authorisation is kept (a document id, a file in the case). */
  documentRef: string;
  /** The rights it covers (`access`, `erasure`…). */
  scope: readonly string[];
  expiresAt: Date;
  /** Who recorded it (an officer's user id). */
  recordedBy: string;
}

/** A refused authorisation or check, naming the field. */
export interface AgentRefusal {
  ok: false;
  code:
    | 'agent-name-missing'
    | 'agent-contact-missing'
    | 'document-missing'
    | 'scope-empty'
    | 'authorisation-expired'
    | 'authorisation-unknown'
    | 'out-of-scope'
    | 'other-request';
  path: string;
}

/** Records an agent's authorisation; it is checked by {@link checkAgentAuthorisation}. */
export async function recordAgentAuthorisation<T>(
  ctx: VerificationContext<T>,
  input: AgentAuthorisationInput,
): Promise<{ ok: true; id: string } | AgentRefusal> {
  if (!input.agent.name.trim()) return { ok: false, code: 'agent-name-missing', path: 'agent.name' };
  if (!input.agent.contact.trim()) return { ok: false, code: 'agent-contact-missing', path: 'agent.contact' };
  if (!input.documentRef.trim()) return { ok: false, code: 'document-missing', path: 'documentRef' };
  const scope = [...new Set(input.scope.map((s) => s.trim()).filter(Boolean))];
  if (scope.length === 0) return { ok: false, code: 'scope-empty', path: 'scope' };
  if (input.expiresAt.getTime() <= ctx.clock.now().getTime()) {
    return { ok: false, code: 'authorisation-expired', path: 'expiresAt' };
  }
  const id = randomUUID();
  await verificationDb(ctx.db)
    .insertInto('pledge_verification_agents')
    .values({
      id,
      request_ref: input.requestRef,
      agent_name: input.agent.name.trim(),
      agent_contact: input.agent.contact.trim(),
      document_ref: input.documentRef.trim(),
      scope: JSON.stringify(scope),
      expires_at: input.expiresAt,
      recorded_by: input.recordedBy,
      recorded_at: ctx.clock.now(),
    })
    .execute();
  return { ok: true, id };
}

/**
 * Checks that an agent may act on a request for a right: the authorisation exists, is for
 * that request, covers the right and has not expired. Each check is recorded.
 */
export async function checkAgentAuthorisation<T>(
  ctx: VerificationContext<T>,
  input: { authorisationId: string; requestRef: string; right: string },
): Promise<{ ok: true; documentRef: string; expiresAt: Date } | AgentRefusal> {
  const row = await verificationDb(ctx.db)
    .selectFrom('pledge_verification_agents')
    .selectAll()
    .where('id', '=', input.authorisationId)
    .executeTakeFirst();
  const now = ctx.clock.now();
  let refusal: AgentRefusal | undefined;
  if (!row) refusal = { ok: false, code: 'authorisation-unknown', path: 'authorisationId' };
  else if (row.request_ref !== input.requestRef)
    refusal = { ok: false, code: 'other-request', path: 'requestRef' };
  else if (!row.scope.includes(input.right)) refusal = { ok: false, code: 'out-of-scope', path: 'right' };
  else if (new Date(row.expires_at).getTime() <= now.getTime()) {
    refusal = { ok: false, code: 'authorisation-expired', path: 'authorisationId' };
  }
  await recordVerification(ctx.db, {
    requestRef: input.requestRef,
    method: 'agent-authorisation',
    outcome: refusal ? 'failed' : 'verified',
    code: refusal?.code ?? null,
    subjectHash: null,
    evidence: input.authorisationId,
    at: now,
  });
  if (refusal || !row)
    return refusal ?? { ok: false, code: 'authorisation-unknown', path: 'authorisationId' };
  return { ok: true, documentRef: row.document_ref, expiresAt: new Date(row.expires_at) };
}
