import { fact } from './fact.js';
import type { Fact, Jurisdiction } from './types.js';

const LAW = 'https://www.planalto.gov.br/ccivil_03/_ato2023-2026/2025/lei/L15211.htm';
const MP_1319 = 'https://www.planalto.gov.br/ccivil_03/_ato2023-2026/2025/mpv/mpv1319.htm';

/**
 * In force six months after publication (2025-09-18): the 12-month clause was vetoed and Medida
 * Provisória 1.319/2025 set six months (news of the sanction). Neither article was read.
 */
const IN_FORCE = fact(
  { from: '2026-03-17', scope: 'ECA Digital (Lei 15.211/2025): children and adolescents online' },
  'MP 1.319/2025, art. 1 (six months after publication of Lei 15.211/2025; article numbers of the MP and of the Law\u2019s vigência clause not confirmed)',
  'unverified',
  MP_1319,
);

/** Rules of Brazil's ECA Digital for minors, on top of the LGPD's. */
const notes: Fact<string>[] = [
  // Art. 24 caput read verbatim in a reproduction of the Law (modeloinicial.com.br, 2026-12-06).
  fact(
    'Social-network accounts of users up to 16 must be linked to the account of a parent or legal guardian.',
    'Lei 15.211/2025 (ECA Digital), Art. 24 caput',
    'verified',
    LAW,
  ),
  fact(
    'Age is checked by reliable means, not self-declaration; services likely to be used by minors give parents supervision tools and the most protective privacy settings by default; loot boxes are barred in games for minors.',
    'Lei 15.211/2025 (ECA Digital), Art. 24 §1 III (social networks keep improving age verification); the articles on age checks, supervision tools, default settings and loot boxes not confirmed',
    'unverified',
    LAW,
  ),
];

/**
 * Brazil under the LGPD plus the ECA Digital (Lei 15.211/2025): profiling to target advertising
 * at children and adolescents (under 18) is barred, and under-16 accounts are linked to a guardian.
 * A separate file so the LGPD facts stay where they are.
 */
export function withEcaDigital(lgpd: Jurisdiction): Jurisdiction {
  return {
    ...lgpd,
    inForce: [...(lgpd.inForce ?? []), IN_FORCE],
    minors: {
      ...lgpd.minors,
      // Law-firm notes agree on the ban; the article was not found in a readable copy.
      saleBarredBelow: fact(
        18,
        'Lei 15.211/2025 (ECA Digital), art. 22 (profiling to target commercial advertising at children and adolescents is prohibited; article number not confirmed)',
        'unverified',
        LAW,
      ),
      notes: [...(lgpd.minors.notes ?? []), ...notes],
    },
  };
}
