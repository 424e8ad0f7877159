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
