import {
  type AppendAuditResult,
  type AuditEntryInput,
  appendAuditEntries,
  pseudonymsFor,
  type Store,
  subjectHash,
} from '@pledge/store';

/**
 * An access to record: an audit entry whose subject is given as the identifier (turned into
 * the subject's pseudonym here, never stored) or already as the pseudonym.
 */
export type SubjectAccess = Omit<AuditEntryInput, 'subject'> & {
  /** The subject's identifier, as the caller named it. */
  subject?: string;
  /** The subject's keyed hash (the SDK sends it; it holds the subject key). */
  subjectHash?: string;
  /** The subject's pseudonym, when the caller already has it (e.g. from the events it read). */
  pseudonym?: string;
};

/**
 * Records accesses to personal data in the audit log, in one append: each subject is named
 * by its ledger pseudonym (created on first use, so every entry of one person shares it and
 * forgetting the person unlinks them all). The server's routes and the CLI record through it.
 */
export async function recordAccesses(
  db: Store['db'],
  key: string,
  accesses: readonly SubjectAccess[],
): Promise<AppendAuditResult> {
  if (accesses.length === 0) return { ok: true, appended: [] };
  const hashes = accesses.map((a) =>
    a.pseudonym !== undefined
      ? undefined
      : a.subject !== undefined
        ? subjectHash(key, a.subject)
        : a.subjectHash,
  );
  const wanted = hashes.filter((h): h is string => h !== undefined);
  const pseudonyms = wanted.length > 0 ? await pseudonymsFor(db, wanted) : new Map<string, string>();
  const entries = accesses.map((access, i): AuditEntryInput => {
    const { subject: _identifier, subjectHash: _hash, pseudonym, ...rest } = access;
    const hash = hashes[i];
    return { ...rest, subject: pseudonym ?? (hash === undefined ? null : (pseudonyms.get(hash) ?? null)) };
  });
  return appendAuditEntries(db, entries);
}
