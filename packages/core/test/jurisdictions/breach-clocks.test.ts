import { describe, expect, it } from 'vitest';
import { breachClocks, getJurisdiction, type Jurisdiction } from '../../src/index.js';

const law = (key: string) => getJurisdiction(key) as Jurisdiction;
// Monday 2 March 2026, 09:30 in Beijing.
const discoveredAt = new Date('2026-03-02T01:30:00Z');

describe('breachClocks: China’s graded incident-reporting clocks', () => {
  it('holds an ordinary operator to 4 hours for a relatively major or worse incident (Measures Art. 4)', () => {
    const clocks = breachClocks(law('cn-pipl'), { discoveredAt, grade: 'major' });
    expect(clocks.authorityDue?.toISOString()).toBe('2026-03-02T05:30:00.000Z');
    expect(clocks.gradeAssumed).toBe(false);
    const first = clocks.deadlines[0];
    expect(first).toMatchObject({ duty: 'authority-report', clockStart: 'discovery' });
    expect(first?.recipient).toContain('属地省级网信部门');
    expect(first?.cite).toMatchObject({ verification: 'verified' });
    expect(first?.cite.ref).toContain('Art. 4');
    expect(first?.cite.url).toMatch(/^https:\/\/www\.cac\.gov\.cn\/2025-09\/15\//);
  });

  it('holds an operator of critical information infrastructure to 1 hour and a state organ to 2', () => {
    const cii = breachClocks(law('cn-pipl'), {
      discoveredAt,
      grade: 'relatively-major',
      reporter: 'cii-operator',
    });
    expect(cii.authorityDue?.toISOString()).toBe('2026-03-02T02:30:00.000Z');
    expect(cii.deadlines[0]?.recipient).toContain('公安机关');
    const organ = breachClocks(law('cn-pipl'), {
      discoveredAt,
      grade: 'especially-major',
      reporter: 'state-organ',
    });
    expect(organ.authorityDue?.toISOString()).toBe('2026-03-02T03:30:00.000Z');
  });

  it('starts no graded clock for a general incident: PIPL Art. 57 "immediately" remains, with no count', () => {
    const clocks = breachClocks(law('cn-pipl'), { discoveredAt, grade: 'general', reporter: 'cii-operator' });
    expect(clocks.authorityDue).toBeNull();
    const reports = clocks.deadlines.filter((d) => d.duty === 'authority-report');
    expect(reports.map((d) => d.standard)).toEqual(['immediately', 'as-provided']);
    expect(clocks.deadlines.some((d) => d.duty === 'final-report')).toBe(false);
  });

  it('applies the reporting clocks to an incident not graded yet, and says so', () => {
    const clocks = breachClocks(law('cn-pipl'), { discoveredAt });
    expect(clocks.gradeAssumed).toBe(true);
    expect(clocks.authorityDue?.toISOString()).toBe('2026-03-02T05:30:00.000Z');
  });

  it('counts the summary report 30 days from the end of handling, in Beijing days (Measures Art. 8)', () => {
    const open = breachClocks(law('cn-pipl'), { discoveredAt, grade: 'major' });
    expect(open.deadlines.find((d) => d.duty === 'final-report')?.due).toBeNull();
    const closed = breachClocks(law('cn-pipl'), {
      discoveredAt,
      grade: 'major',
      handlingEndedAt: new Date('2026-03-05T10:00:00Z'),
    });
    const final = closed.deadlines.find((d) => d.duty === 'final-report');
    expect(final?.due?.toISOString()).toBe('2026-04-04T15:59:59.999Z'); // end of 4 April, Beijing
    expect(final?.cite.verification).toBe('secondary');
  });

  it('lists the duty to notify those harmed "timely" (Network Data Security Management Regulations Art. 11)', () => {
    const notice = breachClocks(law('cn-pipl'), { discoveredAt, grade: 'general' }).deadlines.filter(
      (d) => d.duty === 'subject-notice',
    );
    expect(notice.map((d) => d.standard)).toEqual(['immediately', 'timely']);
    expect(notice[1]?.cite.ref).toContain('Art. 11 para. 2');
    expect(notice[1]?.cite.url).toMatch(/^https:\/\/www\.gov\.cn\//);
  });

  it('keeps the flat clock of a law without graded duties: GDPR 72 hours to the authority', () => {
    const clocks = breachClocks(law('eu-gdpr'), { discoveredAt, grade: 'especially-major' });
    expect(clocks.authorityDue?.toISOString()).toBe('2026-03-05T01:30:00.000Z');
    expect(clocks.deadlines.every((d) => d.clockStart === 'discovery')).toBe(true);
  });
});
