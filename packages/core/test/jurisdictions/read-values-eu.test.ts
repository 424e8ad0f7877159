import { describe, expect, it } from 'vitest';
import { jurisdictions } from '../../src/jurisdictions/index.js';
import { expectVerified } from './read-values-support.js';

const { 'eu-gdpr': gdpr } = jurisdictions;

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
