import { createHash, randomUUID } from 'node:crypto';
import type { JurisdictionKey, Manifest } from '@pledge/core';
import { type Clock, systemClock } from '@pledge/jobs';
import { type Kysely, sql } from 'kysely';
import { deadlineRules } from '../deadlines/deadline-rules.js';
import { createManualTasks } from '../manual-tasks/store.js';
import { manualTaskTargets } from '../manual-tasks/targets.js';
import { deadlineColumns } from '../store/deadline-columns.js';
import type { RequestsDatabase } from '../store/schema.js';
import { type RequestView, toView } from '../store/view.js';
import type { RequestRefusal } from '../workflow/transition.js';
import type { RequestActor } from './channels.js';
import { feeDecision } from './fees.js';
import { type ReceiveInput, validateReceiveInput } from './validate-input.js';
import { writtenOnlyRefusal } from './written-only.js';

/** Options of {@link receiveRequest}. */
export interface ReceiveOptions {
  /** Who entered it: the requester (privacy center, e-mail), an officer, an API key, the CLI. */
  actor: RequestActor;
  /** The policy: its deadlines and fee rules apply beside the law's. */
  manifest?: Manifest;
  clock?: Clock;
  /** An open request for the same right from the same contact this recent is a duplicate (default 90 days). */
  duplicateWindowDays?: number;
}

/** A stored request, with the open request it duplicates, if any. */
export type ReceiveResult = { ok: true; request: RequestView; duplicateOf: string | null } | RequestRefusal;

const DAY_MS = 86_400_000;

/** The digest duplicate detection compares: addresses differ only in case and spaces. */
export function contactDigest(kind: string, address: string): string {
  const normal = address
    .trim()
    .replace(/\s+/g, kind === 'postal' ? ' ' : '')
    .toLowerCase();
  return createHash('sha256').update(`${kind}\u0000${normal}`).digest('hex');
}

/**
 * Stores a request the moment it arrives, whatever the channel, in state `received`, with its
 * deadline (see `deadlineRules`), fee decision (first copy free) and, when an open request for
 * the same right from the same contact arrived within the window, a link to it
 * (`duplicateOf`). The `received` event is written in the same transaction. A request does not
 * need to name a law. Refusals name the field (`right`, `contact.address`...); an oral request
 * where the policy asks for writing and the law does not recognise oral requests is refused
 * (`request.written-only`, path `channel`).
 */
export async function receiveRequest<T>(
  db: Kysely<T>,
  input: ReceiveInput,
  options: ReceiveOptions,
): Promise<ReceiveResult> {
  const clock = options.clock ?? systemClock;
  const now = clock.now();
  const problem = validateReceiveInput(input, now);
  if (problem) return problem;
  const receivedAt = input.receivedAt ?? now;
  const jurisdiction = input.jurisdiction as JurisdictionKey | undefined;
  const oral = writtenOnlyRefusal({ ...input, jurisdiction, manifest: options.manifest });
  if (oral) return oral;
  const digest = contactDigest(input.contact.kind, input.contact.address);
  const rules = deadlineRules({ right: input.right, jurisdiction, manifest: options.manifest });
  const columns = deadlineColumns(rules, { receivedAt });
  const windowStart = new Date(receivedAt.getTime() - (options.duplicateWindowDays ?? 90) * DAY_MS);
  const yearStart = new Date(receivedAt.getTime() - 365 * DAY_MS);
  const id = randomUUID();

  const row = await (db as unknown as Kysely<RequestsDatabase>).transaction().execute(async (trx) => {
    // Serialises intake per contact, so two copies sent at once still see each other.
    await sql`select pg_advisory_xact_lock(hashtext(${digest}))`.execute(trx);
    const earlier = await trx
      .selectFrom('pledge_requests')
      .select(['id', 'state', 'received_at', 'duplicate_of'])
      .where('contact_digest', '=', digest)
      .where('right', '=', input.right)
      .where('received_at', '>=', yearStart)
      .orderBy('received_at', 'desc')
      .execute();
    const open = earlier.find(
      (r) => r.state !== 'completed' && r.state !== 'denied' && new Date(r.received_at) >= windowStart,
    );
    const repeatCount = earlier.filter((r) => r.state === 'completed' && r.duplicate_of === null).length;
    const fee = feeDecision({ right: input.right, jurisdiction, manifest: options.manifest, repeatCount });
    const inserted = await trx
      .insertInto('pledge_requests')
      .values({
        id,
        right: input.right,
        state: 'received',
        paused_from: null,
        jurisdiction: jurisdiction ?? null,
        channel: input.channel,
        contact_kind: input.contact.kind,
        contact: input.contact.address.trim(),
        contact_digest: digest,
        identity: JSON.stringify(input.identity ?? {}),
        details: input.details ?? null,
        language: input.language ?? null,
        agent: input.agent ? JSON.stringify(input.agent) : null,
        received_at: receivedAt,
        verified_at: null,
        verification_method: null,
        rules: JSON.stringify(rules),
        due_at: columns.due_at,
        due_rule: columns.due_rule,
        remind_at: columns.remind_at,
        reminded_at: null,
        overdue_at: null,
        paused_at: null,
        extension: null,
        denial: null,
        fee: JSON.stringify(fee),
        duplicate_of: open ? (open.duplicate_of ?? open.id) : null,
        dsr_request_id: null,
        completed_at: null,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('pledge_request_events')
      .values({
        request_id: id,
        at: now,
        action: 'receive',
        from_state: null,
        to_state: 'received',
        actor_kind: options.actor.kind,
        actor_id: options.actor.id,
        detail: JSON.stringify({
          channel: input.channel,
          right: input.right,
          ...(inserted.duplicate_of ? { duplicateOf: inserted.duplicate_of } : {}),
          ...(input.agent ? { agent: true } : {}),
        }),
      })
      .execute();
    if (options.manifest) {
      await createManualTasks<RequestsDatabase>(
        trx,
        id,
        manualTaskTargets(options.manifest, input.right),
        now,
      );
    }
    return inserted;
  });
  return { ok: true, request: toView(row), duplicateOf: row.duplicate_of };
}
