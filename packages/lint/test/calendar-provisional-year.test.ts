import { describe, expect, it } from 'vitest';
import { exampleManifest, lintManifest } from '../src/index.js';

const cn = exampleManifest({ policy: { jurisdictions: ['cn-pipl'], lastUpdated: '2025-03-01' } });
const notes = (now?: Date) =>
  lintManifest(cn, now ? { now } : {}).filter((issue) => issue.code === 'calendar.provisional-year');

describe('calendar.provisional-year', () => {
  it('says nothing while 15 working days from now stay inside official years', () => {
    expect(notes(new Date('2026-06-01T02:00:00Z'))).toEqual([]);
    expect(notes()).toEqual([]); // from the policy date, 1 March 2025
  });

  it('notes a deadline that may fall in 2027, whose schedule is derived, not published', () => {
    const found = notes(new Date('2026-12-18T02:00:00Z'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'info', path: 'policy.jurisdictions' });
    expect(found[0]?.message).toContain('2027');
    expect(found[0]?.message).toContain('provisional');
  });

  it('notes a year with no schedule at all once the horizon passes the data', () => {
    const found = notes(new Date('2027-12-20T02:00:00Z'));
    expect(found.map((issue) => issue.message.match(/fall in (\d{4})/)?.[1])).toEqual(['2027', '2028']);
  });

  it('counts the policy’s own working-day deadline when it is longer than the law’s', () => {
    const long = exampleManifest({
      policy: { jurisdictions: ['cn-pipl'], lastUpdated: '2025-03-01' },
      rights: [{ right: 'access', deadline: { amount: 80, unit: 'working-days' } }],
    });
    // 80 working days from 1 October 2026 reach January 2027; 15 would not.
    const now = new Date('2026-10-01T02:00:00Z');
    expect(notes(now)).toEqual([]);
    const found = lintManifest(long, { now }).filter((issue) => issue.code === 'calendar.provisional-year');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('a deadline of 80 working days');
  });
});
