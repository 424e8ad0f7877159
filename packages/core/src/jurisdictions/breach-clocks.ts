import { computeDueDate } from '../calendar/due-date.js';
import { INCIDENT_GRADES, type IncidentDuty, type IncidentGrade, type IncidentReporter } from './incident.js';
import type { BreachClock, Citation, GradedBreachClock, Jurisdiction } from './types.js';

/** What the clocks of an incident depend on. */
export interface Incident {
  /** When the incident was discovered or learnt of (发现或获知): the clocks start here. */
  discoveredAt: Date;
  /**
   * Its grade under the law's grading guide. Omitted (not graded yet): the graded clocks are
   * applied as for the lowest grade that must be reported, and `gradeAssumed` says so.
   */
  grade?: IncidentGrade;
  /** Who reports. Omitted: `other-operator`. */
  reporter?: IncidentReporter;
  /** When handling ended, for the clocks that start then (the final report). */
  handlingEndedAt?: Date;
}

/** One duty an incident triggers, with its due instant where the law counts. */
export interface BreachDeadline {
  duty: IncidentDuty;
  recipient: string;
  /**
   * Last instant that is on time; null when the law sets no count (see `standard`) or when its
   * clock has not started (the final report before handling ends).
   */
  due: Date | null;
  /** The law's words when it sets no count. */
  standard?: 'immediately' | 'timely' | 'as-provided' | 'without-undue-delay' | 'most-expedient';
  clockStart: GradedBreachClock['clockStart'];
  condition?: string;
  cite: Citation;
}

/** Every duty an incident triggers in a jurisdiction, and the authority deadline that binds first. */
export interface BreachClocks {
  jurisdiction: Jurisdiction['key'];
  /** Ordered by due instant (counted ones first), then as the law lists them. */
  deadlines: BreachDeadline[];
  /**
   * The earliest counted report to an authority: the instant the engine holds the controller to.
   * Null when the law only says "immediately" or sets no authority report.
   */
  authorityDue: Date | null;
  /** True when the incident had no grade and the graded clocks were applied as if it must be reported. */
  gradeAssumed: boolean;
}

const rank = (grade: IncidentGrade) => INCIDENT_GRADES.indexOf(grade);

function due(start: Date | undefined, clock: BreachClock, law: Jurisdiction): Date | null {
  if (!start) return null;
  return computeDueDate(start, clock, { jurisdiction: law.key }).due;
}

function flatDeadlines(law: Jurisdiction, incident: Incident): BreachDeadline[] {
  /** One flat duty: a counted clock has a due instant, a standard ("immediately"...) has none. */
  const flat = (
    duty: BreachDeadline['duty'],
    recipient: string,
    value: BreachClock | NonNullable<BreachDeadline['standard']>,
    cite: Citation,
  ): BreachDeadline => ({
    duty,
    recipient,
    clockStart: 'discovery',
    cite,
    ...(typeof value === 'string'
      ? { due: null, standard: value }
      : { due: due(incident.discoveredAt, value, law) }),
  });
  const out: BreachDeadline[] = [];
  const authority = law.breach.authorityDeadline;
  if (authority.value !== 'none')
    out.push(flat('authority-report', 'the supervisory authority', authority.value, authority.cite));
  const subject = law.breach.subjectDeadline;
  out.push(flat('subject-notice', 'the affected individuals', subject.value, subject.cite));
  return out;
}

function applies(clock: GradedBreachClock, grade: IncidentGrade, reporter: IncidentReporter): boolean {
  if (clock.minGrade !== undefined && rank(grade) < rank(clock.minGrade)) return false;
  return clock.reporters === undefined || clock.reporters.includes(reporter);
}

/**
 * The clocks an incident starts in a jurisdiction: the law's flat authority and subject
 * deadlines, plus the graded duties that match the incident's grade and reporter (China: a
 * relatively major or worse incident is reported within 1 hour by an operator of critical
 * information infrastructure, 2 hours by a central or state organ, 4 hours by any other
 * operator, then a summary within 30 days after handling ends). Counted clocks are due at
 * `discoveredAt` plus their hours, or at the end of the last counted day in the jurisdiction's
 * zone. `authorityDue` is the earliest counted authority report. Pure.
 *
 * @example
 * breachClocks(getJurisdiction('cn-pipl')!, { discoveredAt: new Date('2026-03-02T01:30:00Z'), grade: 'major' })
 *   .authorityDue; // => 2026-03-02T05:30:00.000Z (4 hours, to the provincial cyberspace administration)
 */
export function breachClocks(law: Jurisdiction, incident: Incident): BreachClocks {
  const gradeAssumed = incident.grade === undefined;
  const grade = incident.grade ?? 'relatively-major';
  const reporter = incident.reporter ?? 'other-operator';
  const graded = (law.breach.gradedClocks ?? [])
    .filter((f) => applies(f.value, grade, reporter))
    .map(({ value, cite }): BreachDeadline => {
      const start = value.clockStart === 'discovery' ? incident.discoveredAt : incident.handlingEndedAt;
      return {
        duty: value.duty,
        recipient: value.recipient,
        clockStart: value.clockStart,
        cite,
        ...(value.condition !== undefined ? { condition: value.condition } : {}),
        ...(typeof value.clock === 'string'
          ? { due: null, standard: value.clock }
          : { due: due(start, value.clock, law) }),
      };
    });
  const all = [...flatDeadlines(law, incident), ...graded];
  const deadlines = all
    .map((deadline, index) => ({ deadline, index }))
    .sort((a, b) => {
      const x = a.deadline.due?.getTime() ?? Number.POSITIVE_INFINITY;
      const y = b.deadline.due?.getTime() ?? Number.POSITIVE_INFINITY;
      return x - y || a.index - b.index;
    })
    .map(({ deadline }) => deadline);
  const authorityDue = deadlines.find((d) => d.duty === 'authority-report' && d.due !== null)?.due ?? null;
  return { jurisdiction: law.key, deadlines, authorityDue, gradeAssumed };
}
