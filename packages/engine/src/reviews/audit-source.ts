import { type AuditEntry, firstAuditAccessAt, type Store, streamAuditEntries } from '@pledge/store';
import type { AccessSource, ReviewedAccess } from './types.js';

/**
 * An audit entry as a review sees it. Its time is when the access happened: the minute an SDK
 * entry counted its accesses in, else when the entry was recorded.
 */
export function toReviewedAccess(entry: AuditEntry): ReviewedAccess {
  return {
    actor: entry.actor,
    action: entry.action,
    ...(entry.subject === null ? {} : { subject: entry.subject }),
    categories: entry.categories,
    ...(entry.reason === null ? {} : { reason: entry.reason }),
    ...(entry.requestId === null ? {} : { requestId: entry.requestId }),
    at: entry.windowStart ?? entry.recordedAt,
    count: entry.count,
  };
}

/** The store's access audit log as the source of reviews (entries selected by recording time). */
export function auditAccessSource(store: Store): AccessSource {
  return {
    async accessesIn(period) {
      const accesses: ReviewedAccess[] = [];
      for await (const entry of streamAuditEntries(store.db, {
        from: period.from,
        to: period.to,
        limit: 1000,
      })) {
        accesses.push(toReviewedAccess(entry));
      }
      return accesses;
    },
    async firstAccessAt() {
      return firstAuditAccessAt(store.db);
    },
  };
}
