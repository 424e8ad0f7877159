import { fact } from './fact.js';
import type { Fact, Jurisdiction } from './types.js';

const LAW = 'https://www.planalto.gov.br/ccivil_03/_ato2023-2026/2025/lei/L15211.htm';

/** In force six months after publication (2025-09-18), as shortened by Medida Provisória 1.319/2025. */
const IN_FORCE = fact(
  { from: '2026-03-17', scope: 'ECA Digital (Lei 15.211/2025): children and adolescents online' },
  'Lei 15.211/2025, final article as amended by MP 1.319/2025 (six months after publication)',
  'secondary',
  LAW,
);

/** Rules of Brazil's ECA Digital for minors, on top of the LGPD's. */
const notes: Fact<string>[] = [
  fact(
    'Social-network accounts of users up to 16 must be linked to the account of a parent or legal guardian.',
    'Lei 15.211/2025 (ECA Digital), Art. 24',
    'secondary',
    LAW,
  ),
  fact(
    'Age is checked by reliable means, not self-declaration; services likely to be used by minors give parents supervision tools and the most protective privacy settings by default; loot boxes are barred in games for minors.',
    'Lei 15.211/2025 (ECA Digital)',
    'secondary',
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
      saleBarredBelow: fact(
        18,
        'Lei 15.211/2025 (ECA Digital): profiling to target advertising at children and adolescents is prohibited',
        'secondary',
        LAW,
      ),
      notes: [...(lgpd.minors.notes ?? []), ...notes],
    },
  };
}
