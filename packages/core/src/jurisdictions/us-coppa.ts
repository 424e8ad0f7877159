import { fact } from './fact.js';
import type { Fact } from './types.js';

const PART_312 = 'https://www.ecfr.gov/current/title-16/chapter-I/subchapter-C/part-312';
const FINAL_RULE = 'https://www.govinfo.gov/content/pkg/FR-2025-04-22/pdf/2025-05904.pdf';

/**
 * The COPPA Rule (16 CFR Part 312) as amended in 2025 (90 FR 16918, 2025-04-22): federal, so it
 * binds services directed to children, or with actual knowledge of a child under 13, in every
 * US jurisdiction Pledge ships. Read from law-firm summaries, not the Federal Register text.
 */
export const coppa = {
  /** Under 13: verifiable parental consent before collecting, using or disclosing. */
  childAge: fact(13, '16 CFR §312.2 ("child"), §312.5(a)(1)', 'secondary', PART_312),
  effective: fact(
    '2025-06-23',
    '90 FR 16918 (effective 60 days after publication on 2025-04-22)',
    'secondary',
    FINAL_RULE,
  ),
  compliance: fact(
    '2026-04-22',
    '90 FR 16918 (compliance one year after publication)',
    'secondary',
    FINAL_RULE,
  ),
  separateDisclosureConsent: fact(
    'Disclosure of a child\u2019s personal information to third parties (including for targeted advertising) needs a verifiable parental consent separate from the consent to collection, unless the disclosure is integral to the service.',
    '16 CFR §312.5(a)(2) (2025 amendment)',
    'secondary',
    PART_312,
  ),
  retentionPolicy: fact(
    'A written data retention policy (purposes, business need, deletion timeframe) published in the online notice; data kept only as long as reasonably necessary, never indefinitely.',
    '16 CFR §312.10 (2025 amendment)',
    'secondary',
    PART_312,
  ),
  securityProgram: fact(
    'A written information security program for children\u2019s personal information.',
    '16 CFR §312.8(b) (2025 amendment)',
    'secondary',
    PART_312,
  ),
} as const;

/** The COPPA rules listed as minors' notes of every US jurisdiction. */
export const coppaNotes: Fact<string>[] = [
  fact(
    `COPPA (as amended in 2025, effective ${coppa.effective.value}, compliance from ${coppa.compliance.value}): verifiable parental consent before collecting personal information from a child under 13. ${coppa.separateDisclosureConsent.value}`,
    '16 CFR §§312.5(a)(1), 312.5(a)(2)',
    'secondary',
    PART_312,
  ),
  coppa.retentionPolicy,
];
