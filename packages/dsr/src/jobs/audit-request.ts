import {
  type AppendAuditResult,
  type AuditActor,
  type AuditEntryInput,
  appendAuditEntries,
  pseudonymsFor,
  type Store,
  subjectHash,
} from '@pledge/store';
import type { RequestReport } from '../exec/finish.js';
import { dsrDb } from '../exec/run-request.js';
import type { Plan } from '../plan/types.js';

/** A request's identity values, read before a run (a finished request's identity is cleared). */
export async function identityValuesOf(store: Store, id: string): Promise<string[]> {
  const row = await dsrDb(store)
    .selectFrom('pledge_dsr_requests')
    .select('identity')
    .where('id', '=', id)
    .executeTakeFirst();
  const identity = (row?.identity ?? {}) as Record<string, readonly string[] | undefined>;
  return Object.values(identity).flatMap((v) => v ?? []);
}

/**
 * The subject's ledger pseudonym, as the engine's `recordAccesses` derives it: the keyed hash
 * of an identity value mapped to its pseudonym. One the ledger already knows wins; else one is
 * created for the first value, except after an erasure, which forgot the person (no new link).
 */
async function pseudonymOf(
  store: Store,
  key: string,
  values: readonly string[],
  erased: boolean,
): Promise<string | null> {
  if (values.length === 0) return null;
  const hashes = values.map((v) => subjectHash(key, v));
  const known = await store.db
    .selectFrom('pledge_subject_map')
    .select(['subject_hash', 'pseudonym'])
    .where('subject_hash', 'in', hashes)
    .execute();
  const first = hashes.find((h) => known.some((k) => k.subject_hash === h));
  if (first !== undefined) return known.find((k) => k.subject_hash === first)?.pseudonym ?? null;
  if (erased) return null;
  return (await pseudonymsFor(store.db, [hashes[0] as string])).get(hashes[0] as string) ?? null;
}

/**
 * Records a request's run in the audit log when it produced something: an access that built a
 * package is a `request-package` entry, an erasure, rectification or restriction that changed
 * at least one row or event an `api-write` entry. The subject is its pseudonym (never the
 * identity), the categories those of the steps that produced or changed data; a run that wrote
 * nothing records nothing. Undefined when nothing was recorded.
 */
export async function recordRequestRun(
  store: Store,
  id: string,
  run: { actor: AuditActor; subjectKey: string | undefined; identity: readonly string[] },
): Promise<AppendAuditResult | undefined> {
  const row = await dsrDb(store)
    .selectFrom('pledge_dsr_requests')
    .select(['kind', 'plan', 'report'])
    .where('id', '=', id)
    .executeTakeFirst();
  const report = row?.report as RequestReport | null | undefined;
  if (!row || !report) return undefined;
  const access = row.kind === 'access';
  if (access ? !report.package : !report.steps.some((s) => s.affected > 0)) return undefined;
  const plan = row.plan as Plan;
  const categories = report.steps
    .filter((s) => (access ? s.status === 'done' : s.affected > 0))
    .flatMap((s) => plan.steps[s.index]?.categories ?? []);
  const subject =
    run.subjectKey === undefined
      ? null
      : await pseudonymOf(store, run.subjectKey, run.identity, row.kind === 'erase');
  const entry: AuditEntryInput = {
    action: access ? 'request-package' : 'api-write',
    actor: run.actor,
    subject,
    categories: [...new Set(categories)],
    requestId: id,
  };
  return appendAuditEntries(store.db, [entry]);
}
