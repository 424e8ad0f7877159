import { randomUUID } from 'node:crypto';
import { unstorableText } from '@pledge/core';
import type { Kysely } from 'kysely';
import { type AppendOptions, appendToChain } from '../chain/append.js';
import { UnstorableTextError } from '../chain/storable.js';
import type { Database } from '../db/schema.js';
import { LEDGER_CHAIN } from './chain-spec.js';
import { subjectHash } from './hash.js';
import { pseudonymsFor } from './pseudonyms.js';
import type { LedgerEventInput } from './types.js';

/** Result of an append: the sequence numbers and hashes given, in input order. */
export interface AppendResult {
  events: Array<{ seq: number; id: string; hash: string }>;
}

/**
 * Appends events to the hash-chained ledger in one transaction, each naming its subject by
 * the subject's pseudonym (created on first use) (see `appendToChain`):
 * concurrent writers queue behind the locked chain head, so the chain never forks. Events
 * are written in the current record format, which hashes every stored column, including
 * the recording time, read from `options.now` (default the system clock). Text that cannot
 * be stored exactly as given (see `UnstorableTextError`), the subject's included, is refused
 * with that error before anything is written.
 */
export async function appendEvents(
  db: Kysely<Database>,
  key: string,
  inputs: readonly LedgerEventInput[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  if (inputs.length === 0) return { events: [] };
  const now = options.now ?? (() => new Date());
  for (const [i, input] of inputs.entries()) {
    // Hashed as UTF-8, a lone surrogate would become U+FFFD: two subjects, one hash.
    const fault = unstorableText(input.subject);
    if (fault) throw new UnstorableTextError(`events[${i}].subject`, fault);
  }
  const hashes = inputs.map((input) => subjectHash(key, input.subject));
  // Events name the subject by its pseudonym: the map is the only link back to the identifier.
  const pseudonyms = await pseudonymsFor(db, hashes);
  const records = inputs.map((input, i) => ({
    id: randomUUID(),
    subject_hash: pseudonyms.get(hashes[i] as string) as string,
    type: input.type,
    purposes: input.purposes ?? [],
    categories: input.categories ?? [],
    consent_mode: input.consentMode ?? null,
    method: input.method,
    source: input.source,
    jurisdiction: input.jurisdiction ?? null,
    policy_version: input.policyVersion,
    policy_hash: input.policyHash,
    notice_hash: input.noticeHash ?? null,
    actor: input.actor,
    signal: input.signal ?? null,
    occurred_at: input.occurredAt ? new Date(input.occurredAt) : now(),
  }));
  const appended = await appendToChain(db, LEDGER_CHAIN, records, options);
  return {
    events: appended.map((a, i) => ({ seq: a.seq, id: records[i]?.id as string, hash: a.hash })),
  };
}
