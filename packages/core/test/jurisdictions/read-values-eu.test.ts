import { describe, expect, it } from 'vitest';
import { citationProblems } from '../../src/jurisdictions/citation-check.js';
import { jurisdictions } from '../../src/jurisdictions/index.js';
import type { Fact } from '../../src/jurisdictions/types.js';

const { 'eu-gdpr': gdpr } = jurisdictions;

function expectVerified(fact: Fact<unknown> | undefined, ref: string): void {
  expect(fact?.cite.verification, ref).toBe('verified');
  expect(fact?.cite.ref, ref).toContain(ref);
  if (fact) expect(citationProblems(fact.cite), ref).toEqual([]);
}

/**
 * National ages of digital consent read in the national provision's whole sentence on 2026-12-06
 * (the comment beside each row in `eu-national-ages.ts` names the words read and the
 * reproduction). Changing one needs a new reading.
 */
describe('national ages of digital consent as read (GDPR Art. 8(1) second subparagraph)', () => {
  it('Czechia: capacity to consent on completing the fifteenth year (zákon č. 110/2019 Sb., § 7)', () => {
    const cz = gdpr.minors.byRegion?.CZ;
    expect(cz?.value).toBe(15);
    expectVerified(cz, '§ 7');
  });
});
