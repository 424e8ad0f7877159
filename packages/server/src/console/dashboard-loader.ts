import type { ConsentTrend, DashboardModel } from '@pledge/console';
import { deadlineCalendarGaps } from '@pledge/core';
import { reviewStatus } from '@pledge/engine';
import { auditAccessCount, auditVolume, consentActivity, type PurposeDayCount } from '@pledge/store';
import type { Runtime } from '../runtime.js';
import { englishText } from './text.js';

/** Days the dashboard's consent chart covers, today (UTC) included. */
export const DASHBOARD_DAYS = 30;
const DAY_MS = 86_400_000;
/** Audit entries that record no access to personal data, so the access volume leaves them out. */
const NOT_ACCESSES = ['role-change'] as const;

/**
 * The dashboard's model: the policy in force with its lint counts, the consents given and
 * withdrawn per purpose and the accesses recorded in the audit log per day over the last
 * {@link DASHBOARD_DAYS} UTC days (and in the last 24 hours), and whether an access review is
 * due or overdue. Reviews are left out when the manifest sets no `security.accessReviewEvery`,
 * so the page says none is scheduled instead of showing a number. `calendarWarnings` lists the
 * years without an official working calendar that a request deadline received now may reach.
 */
export async function loadDashboard(rt: Runtime, now: Date = new Date()): Promise<DashboardModel> {
  await rt.syncPolicy();
  const { version, manifest } = rt.engine.policy;
  const lint = rt.context().lint;
  const until = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS);
  const since = new Date(until.getTime() - DASHBOARD_DAYS * DAY_MS);
  const [rows, volume, last24h, review] = await Promise.all([
    consentActivity(rt.store.db, { since, until }),
    auditVolume(rt.store.db, { since, until, exclude: NOT_ACCESSES }),
    auditAccessCount(rt.store.db, {
      since: new Date(now.getTime() - DAY_MS),
      until: now,
      exclude: NOT_ACCESSES,
    }),
    reviewStatus(rt.store, manifest, now),
  ]);
  const names = manifest.purposes.map((p) => ({ id: p.id, name: englishText(p.name, p.id) }));
  const consents = consentTrend(rows, since, names);
  const byDay = new Map(volume.map((v) => [v.day, v.accesses]));
  const perDay = consents.days.map((d) => byDay.get(d) ?? 0);
  return {
    policy: {
      version: version.version,
      seq: version.seq,
      publishedAt: version.publishedAt.toISOString(),
      lintErrors: lint.filter((i) => i.severity === 'error').length,
      lintAccepted: version.acceptedLint.length,
      lintWarnings: lint.filter((i) => i.severity === 'warning').length,
    },
    consents,
    audit: { last24h, last30d: perDay.reduce((a, b) => a + b, 0), perDay },
    calendarWarnings: deadlineCalendarGaps(manifest, now).map(({ jurisdiction, year, status, amount }) => ({
      jurisdiction,
      year,
      status,
      amount,
    })),
    ...(review.every === undefined
      ? {}
      : {
          reviews: {
            due: review.due ? 1 : 0,
            overdue: review.overdue ? 1 : 0,
            ...(review.nextDueAt ? { nextDueOn: review.nextDueAt.toISOString().slice(0, 10) } : {}),
          },
          reviewStatus: review,
        }),
  };
}

/**
 * Spreads per-day counts over every day from `since` ({@link DASHBOARD_DAYS} of them), one
 * series per purpose: the manifest's purposes in its order, then any the ledger names that
 * the policy no longer declares (by id).
 */
export function consentTrend(
  rows: readonly PurposeDayCount[],
  since: Date,
  purposes: readonly { id: string; name: string }[],
): ConsentTrend {
  const days = Array.from({ length: DASHBOARD_DAYS }, (_, i) =>
    new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10),
  );
  const index = new Map(days.map((d, i) => [d, i]));
  const known = new Set(purposes.map((p) => p.id));
  const extra = [...new Set(rows.map((r) => r.purpose).filter((id) => !known.has(id)))].sort();
  const all = [...purposes, ...extra.map((id) => ({ id, name: id }))];
  const series = new Map(
    all.map((p) => [p.id, { ...p, given: days.map(() => 0), withdrawn: days.map(() => 0) }]),
  );
  for (const row of rows) {
    const i = index.get(row.day);
    const s = series.get(row.purpose);
    if (i === undefined || !s) continue;
    s.given[i] = row.given;
    s.withdrawn[i] = row.withdrawn;
  }
  return { days, purposes: [...series.values()] };
}
