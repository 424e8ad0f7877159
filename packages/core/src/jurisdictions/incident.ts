import type { BreachClock } from './types.js';

/**
 * Grades of a cybersecurity incident, mildest first: 一般 (general), 较大 (relatively major),
 * 重大 (major), 特别重大 (especially major), as graded by the Cybersecurity Incident Grading
 * Guide annexed to the National Cybersecurity Incident Reporting Measures (CAC, 2025).
 */
export const INCIDENT_GRADES = ['general', 'relatively-major', 'major', 'especially-major'] as const;
/** One of {@link INCIDENT_GRADES}. */
export type IncidentGrade = (typeof INCIDENT_GRADES)[number];

/**
 * Who reports, as the Measures distinguish network operators: an operator of critical
 * information infrastructure (关键信息基础设施), a central or state organ or a unit directly
 * under one (中央和国家机关各部门及其直属单位), or any other network operator.
 */
export const INCIDENT_REPORTERS = ['cii-operator', 'state-organ', 'other-operator'] as const;
/** One of {@link INCIDENT_REPORTERS}. */
export type IncidentReporter = (typeof INCIDENT_REPORTERS)[number];

/** What a reporting duty asks for. */
export const INCIDENT_DUTIES = ['authority-report', 'final-report', 'subject-notice'] as const;
/** One of {@link INCIDENT_DUTIES}. */
export type IncidentDuty = (typeof INCIDENT_DUTIES)[number];

/**
 * A reporting duty whose clock depends on the incident (its grade, who reports): who tells
 * whom, by when, counted from what. A law's flat `authorityDeadline` and `subjectDeadline` still
 * apply beside these.
 */
export interface GradedBreachClock {
  duty: IncidentDuty;
  /** The lowest grade the duty applies to (and every grade above). Omitted: every grade. */
  minGrade?: IncidentGrade;
  /** The reporters the duty binds. Omitted: every reporter. */
  reporters?: IncidentReporter[];
  /** Who receives the report or notice, in the law's words. */
  recipient: string;
  /**
   * A count, or the law's words when it sets none: `immediately` (立即), `timely` (及时),
   * `as-provided` (按照规定: the timing comes from other rules).
   */
  clock: BreachClock | 'immediately' | 'timely' | 'as-provided';
  /** `discovery`: when the incident is discovered or learnt of; `handling-ended`: when handling ends. */
  clockStart: 'discovery' | 'handling-ended';
  /** A condition beyond grade and reporter, in words (e.g. "the incident harms individuals"). */
  condition?: string;
}
