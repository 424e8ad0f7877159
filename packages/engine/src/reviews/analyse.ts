import type {
  ActorRef,
  LookupWithoutRequestFinding,
  OutsideHoursFinding,
  ReviewAnalysis,
  ReviewedAccess,
  ReviewFinding,
  ReviewFindingCode,
  ReviewPeriod,
  VolumeOutlierFinding,
} from './types.js';
import { REVIEW_FINDING_CODES } from './types.js';
import { DEFAULT_VOLUME_RULE, median, type VolumeRule, volumeThreshold } from './volume.js';
import { DEFAULT_WORKING_HOURS, type WorkingHours, withinWorkingHours } from './working-hours.js';

/** Actions that look a subject up: each needs a related open request or is a finding. */
export const DEFAULT_LOOKUP_ACTIONS: readonly string[] = ['subject-lookup'];

/** How a review analyses its period. */
export interface AnalyseOptions {
  /** Working hours (default 08:00 to 18:00 Monday to Friday, UTC; see `workingHoursFor`). */
  readonly workingHours?: WorkingHours;
  /** How volume outliers are found. */
  readonly volume?: VolumeRule;
  /** Actions that count as lookups of a subject. */
  readonly lookupActions?: readonly string[];
  /**
   * Ids of the data-subject requests open during the period. A lookup is related to an open
   * request when it names one of these; omitted, any request id the lookup names counts.
   */
  readonly openRequests?: ReadonlySet<string>;
}

const actorKey = (actor: ActorRef): string => `${actor.kind}\u0000${actor.id}`;

function compareActors(a: ActorRef, b: ActorRef): number {
  return a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind < b.kind ? -1 : 1;
}

/** Counts and first/last times of a group of accesses. */
interface Tally {
  actor: ActorRef;
  subject?: string;
  count: number;
  first: number;
  last: number;
}

function tally(groups: Map<string, Tally>, key: string, access: ReviewedAccess, subject?: string): void {
  const at = access.at.getTime();
  const found = groups.get(key);
  if (found) {
    found.count += access.count;
    found.first = Math.min(found.first, at);
    found.last = Math.max(found.last, at);
    return;
  }
  groups.set(key, {
    actor: access.actor,
    ...(subject === undefined ? {} : { subject }),
    count: access.count,
    first: at,
    last: at,
  });
}

const sortedTallies = (groups: Map<string, Tally>): Tally[] =>
  [...groups.values()].sort(
    (a, b) => compareActors(a.actor, b.actor) || (a.subject ?? '').localeCompare(b.subject ?? ''),
  );

function relatedToOpenRequest(access: ReviewedAccess, options: AnalyseOptions): boolean {
  if (access.requestId === undefined) return false;
  return options.openRequests === undefined || options.openRequests.has(access.requestId);
}

/**
 * Analyses the accesses of a review period and returns its findings, totals and the actors
 * reviewed. Pure: the same input gives the same output, in a stable order (by code, then
 * actor, then subject). Accesses outside the period are ignored. Findings:
 * - `review.volume-outlier`: an actor whose accesses exceed the threshold of the volume rule;
 * - `review.lookup-without-request`: lookups of a subject by an actor naming no open request;
 * - `review.outside-hours`: an actor's accesses outside the working hours.
 */
export function analyseAccesses(
  period: ReviewPeriod,
  accesses: readonly ReviewedAccess[],
  options: AnalyseOptions = {},
): ReviewAnalysis {
  const hours = options.workingHours ?? DEFAULT_WORKING_HOURS;
  const lookupActions = new Set(options.lookupActions ?? DEFAULT_LOOKUP_ACTIONS);
  const from = period.from.getTime();
  const to = period.to.getTime();
  const inPeriod = accesses.filter((a) => a.at.getTime() >= from && a.at.getTime() < to);

  const volumes = new Map<string, Tally>();
  const lookups = new Map<string, Tally>();
  const outside = new Map<string, Tally>();
  const subjects = new Set<string>();
  const byAction = new Map<string, number>();
  let total = 0;
  for (const access of inPeriod) {
    const key = actorKey(access.actor);
    total += access.count;
    byAction.set(access.action, (byAction.get(access.action) ?? 0) + access.count);
    if (access.subject !== undefined) subjects.add(access.subject);
    tally(volumes, key, access);
    if (
      lookupActions.has(access.action) &&
      access.subject !== undefined &&
      !relatedToOpenRequest(access, options)
    ) {
      tally(lookups, `${key}\u0000${access.subject}`, access, access.subject);
    }
    if (!withinWorkingHours(access.at, hours)) tally(outside, key, access);
  }

  const actorVolumes = sortedTallies(volumes);
  const counts = actorVolumes.map((v) => v.count);
  const threshold = volumeThreshold(counts, options.volume ?? DEFAULT_VOLUME_RULE);
  const centre = median(counts);
  const findings: ReviewFinding[] = [
    ...actorVolumes
      .filter((v) => v.count > threshold)
      .map(
        (v): VolumeOutlierFinding => ({
          code: 'review.volume-outlier',
          actor: v.actor,
          count: v.count,
          median: centre,
          threshold,
        }),
      ),
    ...sortedTallies(lookups).map(
      (l): LookupWithoutRequestFinding => ({
        code: 'review.lookup-without-request',
        actor: l.actor,
        subject: l.subject as string,
        count: l.count,
        first: new Date(l.first).toISOString(),
        last: new Date(l.last).toISOString(),
      }),
    ),
    ...sortedTallies(outside).map(
      (o): OutsideHoursFinding => ({
        code: 'review.outside-hours',
        actor: o.actor,
        count: o.count,
        first: new Date(o.first).toISOString(),
        last: new Date(o.last).toISOString(),
      }),
    ),
  ];
  const findingCounts = Object.fromEntries(
    REVIEW_FINDING_CODES.map((code) => [code, findings.filter((f) => f.code === code).length]),
  ) as Record<ReviewFindingCode, number>;
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    findings,
    summary: {
      entries: inPeriod.length,
      accesses: total,
      actors: actorVolumes.length,
      subjects: subjects.size,
      byAction: Object.fromEntries([...byAction.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      findings: findingCounts,
    },
    reviewedActors: actorVolumes.map((v) => v.actor),
  };
}
